using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchIndexStates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndexedSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchIndexStates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_OrganizationId_Kind_RecordId",
                table: "SearchEntries",
                columns: new[] { "OrganizationId", "Kind", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchIndexStates_OrganizationId",
                table: "SearchIndexStates",
                column: "OrganizationId",
                unique: true);

            // ADR 0030: an external-content FTS5 table over SearchEntries.Terms, keyed by its INTEGER PRIMARY KEY, kept in
            // step by triggers. The 'delete' command needs the old words, which the content table still holds.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchEntriesFts" USING fts5("Terms", content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_Inserted" AFTER INSERT ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"(rowid, "Terms") VALUES (new."Id", new."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_Deleted" AFTER DELETE ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Terms") VALUES ('delete', old."Id", old."Terms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_Updated" AFTER UPDATE OF "Terms" ON "SearchEntries" BEGIN
                    INSERT INTO "SearchEntriesFts"("SearchEntriesFts", rowid, "Terms") VALUES ('delete', old."Id", old."Terms");
                    INSERT INTO "SearchEntriesFts"(rowid, "Terms") VALUES (new."Id", new."Terms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SearchEntries_Updated";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchEntries_Deleted";""");
            migrationBuilder.Sql("""DROP TRIGGER "SearchEntries_Inserted";""");
            migrationBuilder.Sql("""DROP TABLE "SearchEntriesFts";""");

            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropTable(
                name: "SearchIndexStates");
        }
    }
}
