using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class SenderFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sender_flags",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sending_server = table.Column<string>(type: "text", nullable: true),
                    event_id = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    flagged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sender_flags", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sender_flags_event_id",
                schema: "subscriber_state",
                table: "sender_flags",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sender_flags_sending_server_flagged_at",
                schema: "subscriber_state",
                table: "sender_flags",
                columns: new[] { "sending_server", "flagged_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sender_flags",
                schema: "subscriber_state");
        }
    }
}
