using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganizationKeyOnEveryRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DocumentRevisions_OrganizationId",
                table: "DocumentRevisions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentApprovals_OrganizationId",
                table: "DocumentApprovals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAcknowledgments_OrganizationId",
                table: "DocumentAcknowledgments",
                column: "OrganizationId");

            migrationBuilder.AddForeignKey(
                name: "FK_AuditResults_Organizations_OrganizationId",
                table: "AuditResults",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CompetenceEvidence_Organizations_OrganizationId",
                table: "CompetenceEvidence",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ControlEvidence_Organizations_OrganizationId",
                table: "ControlEvidence",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ControlRequirements_Organizations_OrganizationId",
                table: "ControlRequirements",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DocumentAcknowledgments_Organizations_OrganizationId",
                table: "DocumentAcknowledgments",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DocumentApprovals_Organizations_OrganizationId",
                table: "DocumentApprovals",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DocumentRevisions_Organizations_OrganizationId",
                table: "DocumentRevisions",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceVersions_Organizations_OrganizationId",
                table: "EvidenceVersions",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ObjectiveMeasurements_Organizations_OrganizationId",
                table: "ObjectiveMeasurements",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TailoringProposals_Organizations_OrganizationId",
                table: "TailoringProposals",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AuditResults_Organizations_OrganizationId",
                table: "AuditResults");

            migrationBuilder.DropForeignKey(
                name: "FK_CompetenceEvidence_Organizations_OrganizationId",
                table: "CompetenceEvidence");

            migrationBuilder.DropForeignKey(
                name: "FK_ControlEvidence_Organizations_OrganizationId",
                table: "ControlEvidence");

            migrationBuilder.DropForeignKey(
                name: "FK_ControlRequirements_Organizations_OrganizationId",
                table: "ControlRequirements");

            migrationBuilder.DropForeignKey(
                name: "FK_DocumentAcknowledgments_Organizations_OrganizationId",
                table: "DocumentAcknowledgments");

            migrationBuilder.DropForeignKey(
                name: "FK_DocumentApprovals_Organizations_OrganizationId",
                table: "DocumentApprovals");

            migrationBuilder.DropForeignKey(
                name: "FK_DocumentRevisions_Organizations_OrganizationId",
                table: "DocumentRevisions");

            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceVersions_Organizations_OrganizationId",
                table: "EvidenceVersions");

            migrationBuilder.DropForeignKey(
                name: "FK_ObjectiveMeasurements_Organizations_OrganizationId",
                table: "ObjectiveMeasurements");

            migrationBuilder.DropForeignKey(
                name: "FK_TailoringProposals_Organizations_OrganizationId",
                table: "TailoringProposals");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRevisions_OrganizationId",
                table: "DocumentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_DocumentApprovals_OrganizationId",
                table: "DocumentApprovals");

            migrationBuilder.DropIndex(
                name: "IX_DocumentAcknowledgments_OrganizationId",
                table: "DocumentAcknowledgments");
        }
    }
}
