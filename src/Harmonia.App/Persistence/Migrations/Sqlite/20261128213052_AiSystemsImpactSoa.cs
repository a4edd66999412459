using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AiSystemsImpactSoa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AffectedPeople",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Autonomy",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Controls",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DataSourcesJson",
                table: "AiSystems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EuAiActClass",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ForeseeableMisuse",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HumanOversight",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InScope",
                table: "AiSystems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "IntendedUse",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ModelType",
                table: "AiSystems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AiSystems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AiEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AiSystemKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: true),
                    Comparison = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    DataSet = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    MeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tool = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Controls = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AiEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AiEvidence_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImpactAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AiSystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntriesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResidualAssessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssessedFactsJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_AiSystems_AiSystemId",
                        column: x => x.AiSystemId,
                        principalTable: "AiSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImpactAssessments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SoaVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SoaVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SoaVersions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AiEvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AiSystemKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RiskKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskSuggestions_AiEvidence_AiEvidenceId",
                        column: x => x.AiEvidenceId,
                        principalTable: "AiEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskSuggestions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AiEvidence_OrganizationId_AiSystemKey_MeasuredOn",
                table: "AiEvidence",
                columns: new[] { "OrganizationId", "AiSystemKey", "MeasuredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_AiSystemId",
                table: "ImpactAssessments",
                column: "AiSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactAssessments_OrganizationId_AiSystemId_Number",
                table: "ImpactAssessments",
                columns: new[] { "OrganizationId", "AiSystemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_AiEvidenceId",
                table: "RiskSuggestions",
                column: "AiEvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_OrganizationId_Status",
                table: "RiskSuggestions",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SoaVersions_OrganizationId_FrameworkId_Number",
                table: "SoaVersions",
                columns: new[] { "OrganizationId", "FrameworkId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImpactAssessments");

            migrationBuilder.DropTable(
                name: "RiskSuggestions");

            migrationBuilder.DropTable(
                name: "SoaVersions");

            migrationBuilder.DropTable(
                name: "AiEvidence");

            migrationBuilder.DropColumn(
                name: "AffectedPeople",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "Autonomy",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "Controls",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "DataSourcesJson",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "EuAiActClass",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "ForeseeableMisuse",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "HumanOversight",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "InScope",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "IntendedUse",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "ModelType",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AiSystems");
        }
    }
}
