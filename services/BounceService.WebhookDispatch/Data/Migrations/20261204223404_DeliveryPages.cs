using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BounceService.WebhookDispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_deliveries_created_at_id",
                schema: "webhook_dispatch",
                table: "deliveries",
                columns: new[] { "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_created_at_id",
                schema: "webhook_dispatch",
                table: "deliveries");
        }
    }
}
