using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reactivations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reactivations",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_uid = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: false),
                    method = table.Column<string>(type: "text", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    change_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reactivations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reactivations_email_list_uid",
                schema: "subscriber_state",
                table: "reactivations",
                columns: new[] { "email", "list_uid" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reactivations",
                schema: "subscriber_state");
        }
    }
}
