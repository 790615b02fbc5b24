using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BounceService.SubscriberState.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeCountersAndDomainBackfillIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaign_outcome_counts",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_uid = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    dsn_code = table.Column<string>(type: "text", nullable: true),
                    shard = table.Column<short>(type: "smallint", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_outcome_counts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "list_daily_outcome_counts",
                schema: "subscriber_state",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    list_uid = table.Column<string>(type: "text", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    dsn_code = table.Column<string>(type: "text", nullable: true),
                    shard = table.Column<short>(type: "smallint", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_daily_outcome_counts", x => x.id);
                });

            // The rows RecipientDomainBackfill still has to fill: a small index once they are done.
            migrationBuilder.CreateIndex(
                name: "ix_bounce_log_missing_recipient_domain",
                schema: "subscriber_state",
                table: "bounce_log",
                column: "id",
                filter: "recipient_domain IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_outcome_counts_campaign_uid_kind_reason_dsn_code_s",
                schema: "subscriber_state",
                table: "campaign_outcome_counts",
                columns: new[] { "campaign_uid", "kind", "reason", "dsn_code", "shard" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_list_daily_outcome_counts_list_uid_day_kind_dsn_code_shard",
                schema: "subscriber_state",
                table: "list_daily_outcome_counts",
                columns: new[] { "list_uid", "day", "kind", "dsn_code", "shard" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // Counted by the database, in the inserting transaction: a duplicate event's insert fails on the unique
            // event id and its count is rolled back with it, and rows inserted by a replica still running the
            // previous version are counted too. Deferred to the commit, so that the hot counter rows (a campaign's
            // deliveries) stay locked for the commit only, not for the whole outcome transaction; and each combination is
            // split over 16 rows by id, so that concurrent commits of one campaign seldom queue on one row.
            migrationBuilder.Sql("""
                CREATE FUNCTION subscriber_state.count_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.campaign_uid IS NOT NULL THEN
                        INSERT INTO subscriber_state.campaign_outcome_counts AS c (campaign_uid, kind, reason, dsn_code, shard, count)
                        VALUES (NEW.campaign_uid, NEW.kind, NEW.reason, NEW.dsn_code, NEW.id % 16, 1)
                        ON CONFLICT (campaign_uid, kind, reason, dsn_code, shard) DO UPDATE SET count = c.count + 1;
                    END IF;
                    IF NEW.list_uid IS NOT NULL THEN
                        INSERT INTO subscriber_state.list_daily_outcome_counts AS d (list_uid, day, kind, dsn_code, shard, count)
                        VALUES (NEW.list_uid, (NEW.occurred_at AT TIME ZONE 'UTC')::date, NEW.kind, NEW.dsn_code, NEW.id % 16, 1)
                        ON CONFLICT (list_uid, day, kind, dsn_code, shard) DO UPDATE SET count = d.count + 1;
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            // Creating the trigger locks bounce_log against inserts until this migration commits, so the counts
            // below take in every earlier row, and no row is counted by both.
            migrationBuilder.Sql("""
                CREATE CONSTRAINT TRIGGER count_outcome AFTER INSERT ON subscriber_state.bounce_log
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION subscriber_state.count_outcome();

                INSERT INTO subscriber_state.campaign_outcome_counts (campaign_uid, kind, reason, dsn_code, shard, count)
                SELECT campaign_uid, kind, reason, dsn_code, 0, count(*) FROM subscriber_state.bounce_log
                WHERE campaign_uid IS NOT NULL GROUP BY campaign_uid, kind, reason, dsn_code;

                INSERT INTO subscriber_state.list_daily_outcome_counts (list_uid, day, kind, dsn_code, shard, count)
                SELECT list_uid, (occurred_at AT TIME ZONE 'UTC')::date, kind, dsn_code, 0, count(*) FROM subscriber_state.bounce_log
                WHERE list_uid IS NOT NULL GROUP BY list_uid, (occurred_at AT TIME ZONE 'UTC')::date, kind, dsn_code;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER count_outcome ON subscriber_state.bounce_log;
                DROP FUNCTION subscriber_state.count_outcome();
                """);

            migrationBuilder.DropTable(
                name: "campaign_outcome_counts",
                schema: "subscriber_state");

            migrationBuilder.DropTable(
                name: "list_daily_outcome_counts",
                schema: "subscriber_state");

            migrationBuilder.DropIndex(
                name: "ix_bounce_log_missing_recipient_domain",
                schema: "subscriber_state",
                table: "bounce_log");
        }
    }
}
