using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetryPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scheduled_retries",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_uid = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: false),
                    campaign_uid = table.Column<string>(type: "text", nullable: true),
                    sending_server = table.Column<string>(type: "text", nullable: true),
                    event_id = table.Column<string>(type: "text", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_retries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sending_servers",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    retry_policy = table.Column<string>(type: "text", nullable: false),
                    delays = table.Column<TimeSpan[]>(type: "interval[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sending_servers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_retries_due_at",
                schema: "subscriber_state",
                table: "scheduled_retries",
                column: "due_at",
                filter: "announced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_retries_email_list_uid",
                schema: "subscriber_state",
                table: "scheduled_retries",
                columns: new[] { "email", "list_uid" });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_retries_event_id_list_uid",
                schema: "subscriber_state",
                table: "scheduled_retries",
                columns: new[] { "event_id", "list_uid" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_retries",
                schema: "subscriber_state");

            migrationBuilder.DropTable(
                name: "sending_servers",
                schema: "subscriber_state");
        }
    }
}
