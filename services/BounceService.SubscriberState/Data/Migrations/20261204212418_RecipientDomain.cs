using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecipientDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "recipient_domain",
                schema: "subscriber_state",
                table: "bounce_log",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_bounce_log_recipient_domain_occurred_at",
                schema: "subscriber_state",
                table: "bounce_log",
                columns: new[] { "recipient_domain", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bounce_log_recipient_domain_occurred_at",
                schema: "subscriber_state",
                table: "bounce_log");

            migrationBuilder.DropColumn(
                name: "recipient_domain",
                schema: "subscriber_state",
                table: "bounce_log");
        }
    }
}
