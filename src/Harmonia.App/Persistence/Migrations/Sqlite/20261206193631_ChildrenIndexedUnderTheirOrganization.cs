using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChildrenIndexedUnderTheirOrganization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupplierSubProcessors_OrganizationId",
                table: "SupplierSubProcessors");

            migrationBuilder.DropIndex(
                name: "IX_SupplierRiskLink_OrganizationId",
                table: "SupplierRiskLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierEvidenceLink_OrganizationId",
                table: "SupplierEvidenceLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierControlLink_OrganizationId",
                table: "SupplierControlLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierAnswerVersions_OrganizationId",
                table: "SupplierAnswerVersions");

            migrationBuilder.DropIndex(
                name: "IX_SupplierAiSystemLink_OrganizationId",
                table: "SupplierAiSystemLink");

            migrationBuilder.DropIndex(
                name: "IX_RiskControlLinks_OrganizationId",
                table: "RiskControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_RiskAiSystemLinks_OrganizationId",
                table: "RiskAiSystemLinks");

            migrationBuilder.DropIndex(
                name: "IX_PersonRoles_OrganizationId",
                table: "PersonRoles");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRevisions_OrganizationId",
                table: "DocumentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_DocumentApprovals_OrganizationId",
                table: "DocumentApprovals");

            migrationBuilder.DropIndex(
                name: "IX_DocumentAcknowledgments_OrganizationId",
                table: "DocumentAcknowledgments");

            migrationBuilder.DropIndex(
                name: "IX_AiSystemControlLinks_OrganizationId",
                table: "AiSystemControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_AiEvidenceControlLinks_OrganizationId",
                table: "AiEvidenceControlLinks");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_OrganizationId_EndpointId",
                table: "WebhookDeliveries",
                columns: new[] { "OrganizationId", "EndpointId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierSubProcessors_OrganizationId_SubProcessorId",
                table: "SupplierSubProcessors",
                columns: new[] { "OrganizationId", "SubProcessorId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierSubProcessors_OrganizationId_SupplierId",
                table: "SupplierSubProcessors",
                columns: new[] { "OrganizationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRiskLink_OrganizationId_RiskId",
                table: "SupplierRiskLink",
                columns: new[] { "OrganizationId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRiskLink_OrganizationId_SupplierId",
                table: "SupplierRiskLink",
                columns: new[] { "OrganizationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierEvidenceLink_OrganizationId_EvidenceId",
                table: "SupplierEvidenceLink",
                columns: new[] { "OrganizationId", "EvidenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierEvidenceLink_OrganizationId_SupplierId",
                table: "SupplierEvidenceLink",
                columns: new[] { "OrganizationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierControlLink_OrganizationId_ControlId",
                table: "SupplierControlLink",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierControlLink_OrganizationId_SupplierId",
                table: "SupplierControlLink",
                columns: new[] { "OrganizationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAnswerVersions_OrganizationId_QuestionnaireId",
                table: "SupplierAnswerVersions",
                columns: new[] { "OrganizationId", "QuestionnaireId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAiSystemLink_OrganizationId_AiSystemId",
                table: "SupplierAiSystemLink",
                columns: new[] { "OrganizationId", "AiSystemId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAiSystemLink_OrganizationId_SupplierId",
                table: "SupplierAiSystemLink",
                columns: new[] { "OrganizationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_OrganizationId_AiEvidenceId",
                table: "RiskSuggestions",
                columns: new[] { "OrganizationId", "AiEvidenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_OrganizationId_AiSystemId",
                table: "RiskSuggestions",
                columns: new[] { "OrganizationId", "AiSystemId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_OrganizationId_RiskId",
                table: "RiskSuggestions",
                columns: new[] { "OrganizationId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_OrganizationId_SupplierQuestionnaireId",
                table: "RiskSuggestions",
                columns: new[] { "OrganizationId", "SupplierQuestionnaireId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskControlLinks_OrganizationId_ControlId",
                table: "RiskControlLinks",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskControlLinks_OrganizationId_RiskId",
                table: "RiskControlLinks",
                columns: new[] { "OrganizationId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAiSystemLinks_OrganizationId_AiSystemId",
                table: "RiskAiSystemLinks",
                columns: new[] { "OrganizationId", "AiSystemId" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAiSystemLinks_OrganizationId_RiskId",
                table: "RiskAiSystemLinks",
                columns: new[] { "OrganizationId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_OrganizationId_PersonId",
                table: "PersonRoles",
                columns: new[] { "OrganizationId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_OrganizationId_RoleId",
                table: "PersonRoles",
                columns: new[] { "OrganizationId", "RoleId" });

            migrationBuilder.CreateIndex(
                name: "IX_OwnRequirements_OrganizationId_OwnFrameworkId",
                table: "OwnRequirements",
                columns: new[] { "OrganizationId", "OwnFrameworkId" });

            migrationBuilder.CreateIndex(
                name: "IX_OwnMappings_OrganizationId_OwnFrameworkId",
                table: "OwnMappings",
                columns: new[] { "OrganizationId", "OwnFrameworkId" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformities_OrganizationId_AuditId",
                table: "Nonconformities",
                columns: new[] { "OrganizationId", "AuditId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceVersions_OrganizationId_EvidenceId",
                table: "EvidenceVersions",
                columns: new[] { "OrganizationId", "EvidenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_OrganizationId_EvidenceId",
                table: "EvidenceRequests",
                columns: new[] { "OrganizationId", "EvidenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementFindings_OrganizationId_NonconformityId",
                table: "EngagementFindings",
                columns: new[] { "OrganizationId", "NonconformityId" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRevisions_OrganizationId_DocumentId",
                table: "DocumentRevisions",
                columns: new[] { "OrganizationId", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentApprovals_OrganizationId_RevisionId",
                table: "DocumentApprovals",
                columns: new[] { "OrganizationId", "RevisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentAcknowledgments_OrganizationId_RevisionId",
                table: "DocumentAcknowledgments",
                columns: new[] { "OrganizationId", "RevisionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ControlRequirements_OrganizationId_ControlId",
                table: "ControlRequirements",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_BodyFindings_OrganizationId_NonconformityId",
                table: "BodyFindings",
                columns: new[] { "OrganizationId", "NonconformityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControlLinks_OrganizationId_AiSystemId",
                table: "AiSystemControlLinks",
                columns: new[] { "OrganizationId", "AiSystemId" });

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControlLinks_OrganizationId_ControlId",
                table: "AiSystemControlLinks",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidenceControlLinks_OrganizationId_AiEvidenceId",
                table: "AiEvidenceControlLinks",
                columns: new[] { "OrganizationId", "AiEvidenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidenceControlLinks_OrganizationId_ControlId",
                table: "AiEvidenceControlLinks",
                columns: new[] { "OrganizationId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_AiConcerns_OrganizationId_AiSystemId",
                table: "AiConcerns",
                columns: new[] { "OrganizationId", "AiSystemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookDeliveries_OrganizationId_EndpointId",
                table: "WebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_SupplierSubProcessors_OrganizationId_SubProcessorId",
                table: "SupplierSubProcessors");

            migrationBuilder.DropIndex(
                name: "IX_SupplierSubProcessors_OrganizationId_SupplierId",
                table: "SupplierSubProcessors");

            migrationBuilder.DropIndex(
                name: "IX_SupplierRiskLink_OrganizationId_RiskId",
                table: "SupplierRiskLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierRiskLink_OrganizationId_SupplierId",
                table: "SupplierRiskLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierEvidenceLink_OrganizationId_EvidenceId",
                table: "SupplierEvidenceLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierEvidenceLink_OrganizationId_SupplierId",
                table: "SupplierEvidenceLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierControlLink_OrganizationId_ControlId",
                table: "SupplierControlLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierControlLink_OrganizationId_SupplierId",
                table: "SupplierControlLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierAnswerVersions_OrganizationId_QuestionnaireId",
                table: "SupplierAnswerVersions");

            migrationBuilder.DropIndex(
                name: "IX_SupplierAiSystemLink_OrganizationId_AiSystemId",
                table: "SupplierAiSystemLink");

            migrationBuilder.DropIndex(
                name: "IX_SupplierAiSystemLink_OrganizationId_SupplierId",
                table: "SupplierAiSystemLink");

            migrationBuilder.DropIndex(
                name: "IX_RiskSuggestions_OrganizationId_AiEvidenceId",
                table: "RiskSuggestions");

            migrationBuilder.DropIndex(
                name: "IX_RiskSuggestions_OrganizationId_AiSystemId",
                table: "RiskSuggestions");

            migrationBuilder.DropIndex(
                name: "IX_RiskSuggestions_OrganizationId_RiskId",
                table: "RiskSuggestions");

            migrationBuilder.DropIndex(
                name: "IX_RiskSuggestions_OrganizationId_SupplierQuestionnaireId",
                table: "RiskSuggestions");

            migrationBuilder.DropIndex(
                name: "IX_RiskControlLinks_OrganizationId_ControlId",
                table: "RiskControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_RiskControlLinks_OrganizationId_RiskId",
                table: "RiskControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_RiskAiSystemLinks_OrganizationId_AiSystemId",
                table: "RiskAiSystemLinks");

            migrationBuilder.DropIndex(
                name: "IX_RiskAiSystemLinks_OrganizationId_RiskId",
                table: "RiskAiSystemLinks");

            migrationBuilder.DropIndex(
                name: "IX_PersonRoles_OrganizationId_PersonId",
                table: "PersonRoles");

            migrationBuilder.DropIndex(
                name: "IX_PersonRoles_OrganizationId_RoleId",
                table: "PersonRoles");

            migrationBuilder.DropIndex(
                name: "IX_OwnRequirements_OrganizationId_OwnFrameworkId",
                table: "OwnRequirements");

            migrationBuilder.DropIndex(
                name: "IX_OwnMappings_OrganizationId_OwnFrameworkId",
                table: "OwnMappings");

            migrationBuilder.DropIndex(
                name: "IX_Nonconformities_OrganizationId_AuditId",
                table: "Nonconformities");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceVersions_OrganizationId_EvidenceId",
                table: "EvidenceVersions");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceRequests_OrganizationId_EvidenceId",
                table: "EvidenceRequests");

            migrationBuilder.DropIndex(
                name: "IX_EngagementFindings_OrganizationId_NonconformityId",
                table: "EngagementFindings");

            migrationBuilder.DropIndex(
                name: "IX_DocumentRevisions_OrganizationId_DocumentId",
                table: "DocumentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_DocumentApprovals_OrganizationId_RevisionId",
                table: "DocumentApprovals");

            migrationBuilder.DropIndex(
                name: "IX_DocumentAcknowledgments_OrganizationId_RevisionId",
                table: "DocumentAcknowledgments");

            migrationBuilder.DropIndex(
                name: "IX_ControlRequirements_OrganizationId_ControlId",
                table: "ControlRequirements");

            migrationBuilder.DropIndex(
                name: "IX_BodyFindings_OrganizationId_NonconformityId",
                table: "BodyFindings");

            migrationBuilder.DropIndex(
                name: "IX_AiSystemControlLinks_OrganizationId_AiSystemId",
                table: "AiSystemControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_AiSystemControlLinks_OrganizationId_ControlId",
                table: "AiSystemControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_AiEvidenceControlLinks_OrganizationId_AiEvidenceId",
                table: "AiEvidenceControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_AiEvidenceControlLinks_OrganizationId_ControlId",
                table: "AiEvidenceControlLinks");

            migrationBuilder.DropIndex(
                name: "IX_AiConcerns_OrganizationId_AiSystemId",
                table: "AiConcerns");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierSubProcessors_OrganizationId",
                table: "SupplierSubProcessors",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRiskLink_OrganizationId",
                table: "SupplierRiskLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierEvidenceLink_OrganizationId",
                table: "SupplierEvidenceLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierControlLink_OrganizationId",
                table: "SupplierControlLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAnswerVersions_OrganizationId",
                table: "SupplierAnswerVersions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAiSystemLink_OrganizationId",
                table: "SupplierAiSystemLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControlLinks_OrganizationId",
                table: "RiskControlLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAiSystemLinks_OrganizationId",
                table: "RiskAiSystemLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonRoles_OrganizationId",
                table: "PersonRoles",
                column: "OrganizationId");

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

            migrationBuilder.CreateIndex(
                name: "IX_AiSystemControlLinks_OrganizationId",
                table: "AiSystemControlLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidenceControlLinks_OrganizationId",
                table: "AiEvidenceControlLinks",
                column: "OrganizationId");
        }
    }
}
