using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "subscriber_state");

            migrationBuilder.CreateTable(
                name: "bounce_log",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<string>(type: "text", nullable: false),
                    provider = table.Column<string>(type: "text", nullable: false),
                    event_type = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: false),
                    list_uid = table.Column<string>(type: "text", nullable: true),
                    campaign_uid = table.Column<string>(type: "text", nullable: true),
                    sending_server = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false),
                    dsn_code = table.Column<string>(type: "text", nullable: true),
                    smtp_code = table.Column<int>(type: "integer", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    scope = table.Column<string>(type: "text", nullable: false),
                    diagnostic = table.Column<string>(type: "text", nullable: true),
                    provider_label = table.Column<string>(type: "text", nullable: true),
                    label_disagreement = table.Column<string>(type: "text", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bounce_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "status_changes",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_uid = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: false),
                    old_status = table.Column<string>(type: "text", nullable: false),
                    new_status = table.Column<string>(type: "text", nullable: false),
                    cause = table.Column<string>(type: "text", nullable: false),
                    event_id = table.Column<string>(type: "text", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscribers",
                schema: "subscriber_state",
                columns: table => new
                {
                    list_uid = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    status_cause = table.Column<string>(type: "text", nullable: true),
                    status_event_id = table.Column<string>(type: "text", nullable: true),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    soft_bounce_streak = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscribers", x => new { x.list_uid, x.email });
                });

            migrationBuilder.CreateTable(
                name: "suppressions",
                schema: "subscriber_state",
                columns: table => new
                {
                    email = table.Column<string>(type: "text", nullable: false),
                    cause = table.Column<string>(type: "text", nullable: false),
                    event_id = table.Column<string>(type: "text", nullable: true),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suppressions", x => x.email);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bounce_log_campaign_uid_occurred_at_id",
                schema: "subscriber_state",
                table: "bounce_log",
                columns: new[] { "campaign_uid", "occurred_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_bounce_log_email_occurred_at_id",
                schema: "subscriber_state",
                table: "bounce_log",
                columns: new[] { "email", "occurred_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_bounce_log_event_id",
                schema: "subscriber_state",
                table: "bounce_log",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bounce_log_occurred_at_id",
                schema: "subscriber_state",
                table: "bounce_log",
                columns: new[] { "occurred_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_email_list_uid",
                schema: "subscriber_state",
                table: "status_changes",
                columns: new[] { "email", "list_uid" });

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_event_id",
                schema: "subscriber_state",
                table: "status_changes",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscribers_email",
                schema: "subscriber_state",
                table: "subscribers",
                column: "email");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bounce_log",
                schema: "subscriber_state");

            migrationBuilder.DropTable(
                name: "status_changes",
                schema: "subscriber_state");

            migrationBuilder.DropTable(
                name: "subscribers",
                schema: "subscriber_state");

            migrationBuilder.DropTable(
                name: "suppressions",
                schema: "subscriber_state");
        }
    }
}
