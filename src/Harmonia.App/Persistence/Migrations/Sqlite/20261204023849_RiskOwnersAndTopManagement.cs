using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskOwnersAndTopManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssessedBy",
                table: "Risks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerUserId",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TopManagementApprovedBy",
                table: "Risks",
                type: "TEXT",
                maxLength: 420,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TopManagementApprovedUtc",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TreatmentApprovedBy",
                table: "Risks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TreatmentApprovedUtc",
                table: "Risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TopManagementAttendeeIds",
                table: "ManagementReviews",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TopManagementApprover",
                table: "DocumentApprovals",
                type: "TEXT",
                maxLength: 420,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TopManagementMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopManagementMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TopManagementMembers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TopManagementMembers_OrganizationId_Name",
                table: "TopManagementMembers",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            // Hand-written data conversion (copy into a regenerated migration):
            // 1. A risk owner written as a member's e-mail is linked to that member's account; any other owner text
            //    stays display-only until someone sets the owner's account, because guessing a person from a name or
            //    a function would let the wrong person accept the risk.
            // 2. The assessor of an existing risk is whoever created it, as the audit trail records (the best record
            //    there is of who rated it).
            migrationBuilder.Sql(@"UPDATE ""Risks"" SET ""OwnerUserId"" = (
                SELECT m.""UserId"" FROM ""Memberships"" m JOIN ""AspNetUsers"" u ON u.""Id"" = m.""UserId""
                WHERE m.""OrganizationId"" = ""Risks"".""OrganizationId"" AND u.""NormalizedEmail"" = upper(trim(""Risks"".""Owner"")) LIMIT 1)
                WHERE ""Owner"" IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE ""Risks"" SET ""AssessedBy"" = (
                SELECT a.""Actor"" FROM ""AuditEvents"" a
                WHERE a.""OrganizationId"" = ""Risks"".""OrganizationId"" AND a.""EntityType"" = 'RiskRecord' AND a.""Action"" = 'created'
                  AND lower(a.""EntityId"") = lower(""Risks"".""Id"") ORDER BY a.""Sequence"" LIMIT 1);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TopManagementMembers");

            migrationBuilder.DropColumn(
                name: "AssessedBy",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TopManagementApprovedBy",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TopManagementApprovedUtc",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TreatmentApprovedBy",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TreatmentApprovedUtc",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "TopManagementAttendeeIds",
                table: "ManagementReviews");

            migrationBuilder.DropColumn(
                name: "TopManagementApprover",
                table: "DocumentApprovals");
        }
    }
}
