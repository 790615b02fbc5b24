# syntax=docker/dockerfile:1
#
# One Dockerfile for all three services. Pick the service with the SERVICE build arg:
#   docker build --build-arg SERVICE=Ingest          -t bounceservice/ingest .
#   docker build --build-arg SERVICE=SubscriberState -t bounceservice/subscriber-state .
#   docker build --build-arg SERVICE=WebhookDispatch -t bounceservice/webhook-dispatch .
#
# Arguments given to `docker run` are passed on to the app, e.g. the SubscriberState
# image runs its database migrations and exits with:
#   docker run bounceservice/subscriber-state migrate
#
# SERVICE has no default on purpose: building without it fails at the check below.

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE

# Fail fast on a typo instead of a confusing "project file does not exist".
RUN case "$SERVICE" in \
      Ingest|SubscriberState|WebhookDispatch) ;; \
      *) echo "SERVICE must be one of Ingest, SubscriberState, WebhookDispatch (got '$SERVICE')" >&2; exit 1 ;; \
    esac

WORKDIR /src

# Repository-wide build settings. The trailing * also accepts BounceService.slnx
# (the .NET 10 default solution format); the solution is not needed to publish.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig BounceService.sln* ./
COPY contracts/ contracts/
COPY services/ services/

RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish "services/BounceService.${SERVICE}/BounceService.${SERVICE}.csproj" \
      -c Release \
      -o /app \
      --no-self-contained \
      -p:UseAppHost=false

# ---------------------------------------------------------------------------
# Runtime
# ---------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG SERVICE

WORKDIR /app
# Files stay owned by root: the app user can read but not modify them.
COPY --from=build /app ./

ENV ASPNETCORE_URLS=http://+:8080 \
    SERVICE_DLL=BounceService.${SERVICE}.dll

EXPOSE 8080

# APP_UID (1654) is defined by the aspnet base image; numeric, so Kubernetes
# runAsNonRoot can verify it.
USER $APP_UID

# exec form cannot expand variables, so a tiny sh -c wrapper resolves SERVICE_DLL
# and execs dotnet (PID 1, gets SIGTERM). "--" becomes $0; any container
# arguments (e.g. "migrate") arrive as "$@".
ENTRYPOINT ["sh", "-c", "exec dotnet \"$SERVICE_DLL\" \"$@\"", "--"]
