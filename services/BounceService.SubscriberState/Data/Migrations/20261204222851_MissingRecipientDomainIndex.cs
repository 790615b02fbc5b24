using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class MissingRecipientDomainIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_bounce_log_missing_recipient_domain",
                schema: "subscriber_state",
                table: "bounce_log",
                column: "id",
                filter: "recipient_domain IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bounce_log_missing_recipient_domain",
                schema: "subscriber_state",
                table: "bounce_log");
        }
    }
}
