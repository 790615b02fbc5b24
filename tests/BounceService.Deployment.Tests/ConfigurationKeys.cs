using System.Collections;
using System.Reflection;
using BounceService.Ingest;
using BounceService.Ingest.Providers;
using BounceService.ServiceDefaults;
using BounceService.SubscriberState.Alerts;
using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Subscribers;
using BounceService.WebhookDispatch.Crm;

namespace BounceService.Deployment.Tests;

/// <summary>
/// Which configuration keys each service reads, taken from its options types and constants, so that an
/// environment variable in a manifest can be checked against the code (<c>A__B</c> is the key <c>A:B</c>).
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>Deployment, compose service and image names, each mapped to its service's project.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["ingest"] = "Ingest",
        ["subscriber-state"] = "SubscriberState",
        ["webhook-dispatch"] = "WebhookDispatch",
    };

    private static readonly Dictionary<string, (string Section, Type Options)[]> Sections = new()
    {
        ["Ingest"] = [(IngestOptions.Section, typeof(IngestOptions)), (ProvidersOptions.Section, typeof(ProvidersOptions))],
        ["SubscriberState"] =
        [
            (RetryOptions.Section, typeof(RetryOptions)), (AutoReactivationOptions.Section, typeof(AutoReactivationOptions)),
            (AlertOptions.Section, typeof(AlertOptions)),
        ],
        ["WebhookDispatch"] = [(WebhooksOptions.Section, typeof(WebhooksOptions))],
    };

    private static readonly Dictionary<string, string[]> ConnectionStrings = new()
    {
        ["Ingest"] = [MessageBus.ConnectionStringName],
        ["SubscriberState"] = [DatabaseSetup.ConnectionStringName, MessageBus.ConnectionStringName],
        ["WebhookDispatch"] = [MessageBus.ConnectionStringName, "Postgres"],
    };

    /// <summary>The <c>Providers:&lt;Section&gt;</c> names of the ESP adapters (SES is built by a factory).</summary>
    public static readonly IReadOnlySet<string> ProviderSections = typeof(IngestOptions).Assembly.GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(f => f.FieldType == typeof(WebhookProvider))
        .Select(f => ((WebhookProvider)f.GetValue(null)!).Section)
        .Append("Ses")
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsRead(string project, string variable)
    {
        // Host settings every WebApplication reads, and the OTLP exporter switch of AddServiceDefaults.
        if (variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || variable.StartsWith("DOTNET_", StringComparison.Ordinal)) return true;
        if (variable == "OTEL_EXPORTER_OTLP_ENDPOINT") return true;
        var path = variable.Split("__");
        if (Is(path[0], "Logging")) return path.Length == 3 && Is(path[1], "LogLevel");
        if (Is(path[0], "ConnectionStrings")) return path.Length == 2 && ConnectionStrings[project].Any(c => Is(c, path[1]));
        if (project == "Ingest" && Is(path[0], ProvidersOptions.Section) && path.Length == 3 && ProviderSections.Contains(path[1]))
            return HasPath(typeof(ProviderSettings), path[2..]);
        return Sections[project].Any(s => Is(s.Section, path[0]) && HasPath(s.Options, path[1..]));
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="path"/> leads from <paramref name="type"/> to a bindable value.</summary>
    private static bool HasPath(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty) return IsLeaf(type);
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().Single();
            return int.TryParse(path[0], out _) && HasPath(element, path[1..]);
        }
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && HasPath(property.PropertyType, path[1..]);
    }

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri);
    }
}
