using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class AutoReactivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "auto_reactivation_blocked",
                schema: "subscriber_state",
                table: "subscribers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                schema: "subscriber_state",
                table: "subscribers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "watch_remaining",
                schema: "subscriber_state",
                table: "subscribers",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "auto_reactivation_blocked",
                schema: "subscriber_state",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "last_activity_at",
                schema: "subscriber_state",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "watch_remaining",
                schema: "subscriber_state",
                table: "subscribers");
        }
    }
}
