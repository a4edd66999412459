using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvidenceVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                table: "ControlEvidence",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "EvidenceVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceVersions_ControlEvidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "ControlEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each existing evidence row becomes version 1 of itself (a record with its date), before the date column goes.
            migrationBuilder.Sql("""
                INSERT INTO "EvidenceVersions" ("Id", "OrganizationId", "EvidenceId", "Number", "Kind", "EffectiveOn", "CreatedUtc", "CreatedBy")
                SELECT "Id", "OrganizationId", "Id", 1, 'record', "Date", now(), 'migration' FROM "ControlEvidence";
                """);

            migrationBuilder.DropColumn(
                name: "Date",
                table: "ControlEvidence");

            migrationBuilder.CreateIndex(
                name: "IX_ControlEvidence_OrganizationId_ControlId",
                table: "ControlEvidence",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceVersions_EvidenceId_Number",
                table: "EvidenceVersions",
                columns: new[] { "EvidenceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceVersions_OrganizationId_ExpiresOn",
                table: "EvidenceVersions",
                columns: new[] { "OrganizationId", "ExpiresOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceVersions");

            migrationBuilder.DropIndex(
                name: "IX_ControlEvidence_OrganizationId_ControlId",
                table: "ControlEvidence");

            migrationBuilder.DropColumn(
                name: "CurrentVersion",
                table: "ControlEvidence");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Date",
                table: "ControlEvidence",
                type: "date",
                nullable: true);
        }
    }
}
