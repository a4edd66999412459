using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LinksById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AiSystemId",
                table: "RiskSuggestions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "RiskId",
                table: "RiskSuggestions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AiSystemId",
                table: "AiEvidence",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "AiSystemId",
                table: "AiConcerns",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AiEvidenceControlLinks",
                columns: table => new
                {
                    AiEvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiEvidenceControlLinks", x => new { x.AiEvidenceId, x.ControlId });
                    table.ForeignKey(
                        name: "FK_AiEvidenceControlLinks_AiEvidence_AiEvidenceId",
                        column: x => x.AiEvidenceId,
                        principalTable: "AiEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiEvidenceControlLinks_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiEvidenceControlLinks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AiSystemControlLinks",
                columns: table => new
                {
                    AiSystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiSystemControlLinks", x => new { x.AiSystemId, x.ControlId });
                    table.ForeignKey(
                        name: "FK_AiSystemControlLinks_AiSystems_AiSystemId",
                        column: x => x.AiSystemId,
                        principalTable: "AiSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiSystemControlLinks_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AiSystemControlLinks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonRoles",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonRoles", x => new { x.PersonId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_PersonRoles_CompetenceRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "CompetenceRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonRoles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonRoles_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAiSystemLinks",
                columns: table => new
                {
                    RiskId = table.Column<Guid>(type: "uuid", nullable: false),
                    AiSystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAiSystemLinks", x => new { x.RiskId, x.AiSystemId });
                    table.ForeignKey(
                        name: "FK_RiskAiSystemLinks_AiSystems_AiSystemId",
                        column: x => x.AiSystemId,
                        principalTable: "AiSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAiSystemLinks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAiSystemLinks_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskControlLinks",
                columns: table => new
                {
                    RiskId = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskControlLinks", x => new { x.RiskId, x.ControlId });
                    table.ForeignKey(
                        name: "FK_RiskControlLinks_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskControlLinks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskControlLinks_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_AiSystemId",
                table: "RiskSuggestions",
                column: "AiSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_RiskId",
                table: "RiskSuggestions",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidence_AiSystemId",
                table: "AiEvidence",
                column: "AiSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidence_OrganizationId_AiSystemId_MeasuredOn",
                table: "AiEvidence",
                columns: new[] { "OrganizationId", "AiSystemId", "MeasuredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AiConcerns_AiSystemId",
                table: "AiConcerns",
                column: "AiSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidenceControlLinks_ControlId",
                table: "AiEvidenceControlLinks",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidenceControlLinks_OrganizationId",
                table: "AiEvidenceControlLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControlLinks_ControlId",
                table: "AiSystemControlLinks",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControlLinks_OrganizationId",
                table: "AiSystemControlLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_OrganizationId",
                table: "PersonRoles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_RoleId",
                table: "PersonRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAiSystemLinks_AiSystemId",
                table: "RiskAiSystemLinks",
                column: "AiSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAiSystemLinks_OrganizationId",
                table: "RiskAiSystemLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControlLinks_ControlId",
                table: "RiskControlLinks",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControlLinks_OrganizationId",
                table: "RiskControlLinks",
                column: "OrganizationId");

            // Convert the data while both the old key columns and the new id columns exist.
            // Single-key links: the id of the record with that key in the same organization.
            migrationBuilder.Sql("""
                UPDATE "AiEvidence" SET "AiSystemId" = (SELECT a."Id" FROM "AiSystems" a WHERE a."OrganizationId" = "AiEvidence"."OrganizationId" AND a."Key" = "AiEvidence"."AiSystemKey") WHERE EXISTS (SELECT 1 FROM "AiSystems" a WHERE a."OrganizationId" = "AiEvidence"."OrganizationId" AND a."Key" = "AiEvidence"."AiSystemKey");
                """);

            migrationBuilder.Sql("""
                UPDATE "RiskSuggestions" SET "AiSystemId" = (SELECT a."Id" FROM "AiSystems" a WHERE a."OrganizationId" = "RiskSuggestions"."OrganizationId" AND a."Key" = "RiskSuggestions"."AiSystemKey") WHERE EXISTS (SELECT 1 FROM "AiSystems" a WHERE a."OrganizationId" = "RiskSuggestions"."OrganizationId" AND a."Key" = "RiskSuggestions"."AiSystemKey");
                """);

            migrationBuilder.Sql("""
                UPDATE "RiskSuggestions" SET "RiskId" = (SELECT r."Id" FROM "Risks" r WHERE r."OrganizationId" = "RiskSuggestions"."OrganizationId" AND r."Key" = "RiskSuggestions"."RiskKey") WHERE "RiskKey" IS NOT NULL;
                """);

            migrationBuilder.Sql("""
                UPDATE "AiConcerns" SET "AiSystemId" = (SELECT a."Id" FROM "AiSystems" a WHERE a."OrganizationId" = "AiConcerns"."OrganizationId" AND a."Key" = "AiConcerns"."AiSystemKey") WHERE "AiSystemKey" IS NOT NULL;
                """);

            // AI evidence (and the suggestions it raised) naming an AI system the organization no longer has was dangling already:
            // it cannot be linked by id, so it is dropped. A concern about such a system keeps no system (its column is nullable).
            migrationBuilder.Sql("""
                DELETE FROM "RiskSuggestions" WHERE NOT EXISTS (SELECT 1 FROM "AiSystems" a WHERE a."Id" = "RiskSuggestions"."AiSystemId") OR "AiEvidenceId" IN (SELECT e."Id" FROM "AiEvidence" e WHERE NOT EXISTS (SELECT 1 FROM "AiSystems" a WHERE a."Id" = e."AiSystemId"));
                """);

            migrationBuilder.Sql("""
                DELETE FROM "AiEvidence" WHERE NOT EXISTS (SELECT 1 FROM "AiSystems" a WHERE a."Id" = "AiEvidence"."AiSystemId");
                """);

            // Key lists become link rows, joined on the keys within the same organization. A key without a matching record
            // was a dangling link already and is dropped with it.
            migrationBuilder.Sql("""
                INSERT INTO "RiskControlLinks" ("RiskId", "ControlId", "OrganizationId") SELECT r."Id", c."Id", r."OrganizationId" FROM "Risks" r JOIN "Controls" c ON c."OrganizationId" = r."OrganizationId" AND c."Key" = ANY(string_to_array(r."Controls", ','));
                """);

            migrationBuilder.Sql("""
                INSERT INTO "RiskAiSystemLinks" ("RiskId", "AiSystemId", "OrganizationId") SELECT r."Id", a."Id", r."OrganizationId" FROM "Risks" r JOIN "AiSystems" a ON a."OrganizationId" = r."OrganizationId" AND a."Key" = ANY(string_to_array(r."AiSystems", ','));
                """);

            migrationBuilder.Sql("""
                INSERT INTO "AiSystemControlLinks" ("AiSystemId", "ControlId", "OrganizationId") SELECT s."Id", c."Id", s."OrganizationId" FROM "AiSystems" s JOIN "Controls" c ON c."OrganizationId" = s."OrganizationId" AND c."Key" = ANY(string_to_array(s."Controls", ','));
                """);

            migrationBuilder.Sql("""
                INSERT INTO "AiEvidenceControlLinks" ("AiEvidenceId", "ControlId", "OrganizationId") SELECT e."Id", c."Id", e."OrganizationId" FROM "AiEvidence" e JOIN "Controls" c ON c."OrganizationId" = e."OrganizationId" AND c."Key" = ANY(string_to_array(e."Controls", ','));
                """);

            // People named their roles by name, matched ignoring case like SavePerson did.
            migrationBuilder.Sql("""
                INSERT INTO "PersonRoles" ("PersonId", "RoleId", "OrganizationId") SELECT p."Id", cr."Id", p."OrganizationId" FROM "People" p JOIN "CompetenceRoles" cr ON cr."OrganizationId" = p."OrganizationId" AND lower(cr."Name") = ANY(string_to_array(lower(p."Roles"), ','));
                """);

            migrationBuilder.DropIndex(
                name: "IX_AiEvidence_OrganizationId_AiSystemKey_MeasuredOn",
                table: "AiEvidence");

            migrationBuilder.DropColumn(
                name: "AiSystems",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "Controls",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "AiSystemKey",
                table: "RiskSuggestions");

            migrationBuilder.DropColumn(
                name: "RiskKey",
                table: "RiskSuggestions");

            migrationBuilder.DropColumn(
                name: "Roles",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Controls",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "AiSystemKey",
                table: "AiEvidence");

            migrationBuilder.DropColumn(
                name: "Controls",
                table: "AiEvidence");

            migrationBuilder.DropColumn(
                name: "AiSystemKey",
                table: "AiConcerns");

            migrationBuilder.AddForeignKey(
                name: "FK_AiConcerns_AiSystems_AiSystemId",
                table: "AiConcerns",
                column: "AiSystemId",
                principalTable: "AiSystems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AiEvidence_AiSystems_AiSystemId",
                table: "AiEvidence",
                column: "AiSystemId",
                principalTable: "AiSystems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskSuggestions_AiSystems_AiSystemId",
                table: "RiskSuggestions",
                column: "AiSystemId",
                principalTable: "AiSystems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskSuggestions_Risks_RiskId",
                table: "RiskSuggestions",
                column: "RiskId",
                principalTable: "Risks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AiConcerns_AiSystems_AiSystemId",
                table: "AiConcerns");

            migrationBuilder.DropForeignKey(
                name: "FK_AiEvidence_AiSystems_AiSystemId",
                table: "AiEvidence");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskSuggestions_AiSystems_AiSystemId",
                table: "RiskSuggestions");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskSuggestions_Risks_RiskId",
                table: "RiskSuggestions");

            migrationBuilder.DropTable(
                name: "AiEvidenceControlLinks");

            migrationBuilder.DropTable(
                name: "AiSystemControlLinks");

            migrationBuilder.DropTable(
                name: "PersonRoles");

            migrationBuilder.DropTable(
                name: "RiskAiSystemLinks");

            migrationBuilder.DropTable(
                name: "RiskControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_RiskSuggestions_AiSystemId",
                table: "RiskSuggestions");

            migrationBuilder.DropIndex(
                name: "IX_RiskSuggestions_RiskId",
                table: "RiskSuggestions");

            migrationBuilder.DropIndex(
                name: "IX_AiEvidence_AiSystemId",
                table: "AiEvidence");

            migrationBuilder.DropIndex(
                name: "IX_AiEvidence_OrganizationId_AiSystemId_MeasuredOn",
                table: "AiEvidence");

            migrationBuilder.DropIndex(
                name: "IX_AiConcerns_AiSystemId",
                table: "AiConcerns");

            migrationBuilder.DropColumn(
                name: "AiSystemId",
                table: "RiskSuggestions");

            migrationBuilder.DropColumn(
                name: "RiskId",
                table: "RiskSuggestions");

            migrationBuilder.DropColumn(
                name: "AiSystemId",
                table: "AiEvidence");

            migrationBuilder.DropColumn(
                name: "AiSystemId",
                table: "AiConcerns");

            migrationBuilder.AddColumn<string>(
                name: "AiSystems",
                table: "Risks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Controls",
                table: "Risks",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AiSystemKey",
                table: "RiskSuggestions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RiskKey",
                table: "RiskSuggestions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Roles",
                table: "People",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Controls",
                table: "AiSystems",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AiSystemKey",
                table: "AiEvidence",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Controls",
                table: "AiEvidence",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AiSystemKey",
                table: "AiConcerns",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidence_OrganizationId_AiSystemKey_MeasuredOn",
                table: "AiEvidence",
                columns: new[] { "OrganizationId", "AiSystemKey", "MeasuredOn" });
        }
    }
}
