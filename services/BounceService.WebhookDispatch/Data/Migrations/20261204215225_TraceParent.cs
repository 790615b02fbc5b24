using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BounceService.WebhookDispatch.Data.Migrations
{
    /// <inheritdoc />
    public partial class TraceParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                schema: "webhook_dispatch",
                table: "deliveries",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "trace_parent",
                schema: "webhook_dispatch",
                table: "deliveries");
        }
    }
}
