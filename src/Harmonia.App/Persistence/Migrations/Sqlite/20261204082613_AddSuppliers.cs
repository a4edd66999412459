using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSuppliers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupplierTiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierTiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierTiers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Suppliers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DataProcessed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContactsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CertificationsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ContractsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AccessRemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DataReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DataDeletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suppliers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Suppliers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierAiSystemLink",
                columns: table => new
                {
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AiSystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierAiSystemLink", x => new { x.SupplierId, x.AiSystemId });
                    table.ForeignKey(
                        name: "FK_SupplierAiSystemLink_AiSystems_AiSystemId",
                        column: x => x.AiSystemId,
                        principalTable: "AiSystems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplierAiSystemLink_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierAiSystemLink_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierControlLink",
                columns: table => new
                {
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierControlLink", x => new { x.SupplierId, x.ControlId });
                    table.ForeignKey(
                        name: "FK_SupplierControlLink_Controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplierControlLink_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierControlLink_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierEvidenceLink",
                columns: table => new
                {
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierEvidenceLink", x => new { x.SupplierId, x.EvidenceId });
                    table.ForeignKey(
                        name: "FK_SupplierEvidenceLink_ControlEvidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "ControlEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplierEvidenceLink_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierEvidenceLink_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierRiskLink",
                columns: table => new
                {
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierRiskLink", x => new { x.SupplierId, x.RiskId });
                    table.ForeignKey(
                        name: "FK_SupplierRiskLink_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierRiskLink_Risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplierRiskLink_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplierSubProcessors",
                columns: table => new
                {
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubProcessorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierSubProcessors", x => new { x.SupplierId, x.SubProcessorId });
                    table.ForeignKey(
                        name: "FK_SupplierSubProcessors_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierSubProcessors_Suppliers_SubProcessorId",
                        column: x => x.SubProcessorId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierSubProcessors_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAiSystemLink_AiSystemId",
                table: "SupplierAiSystemLink",
                column: "AiSystemId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAiSystemLink_OrganizationId",
                table: "SupplierAiSystemLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierControlLink_ControlId",
                table: "SupplierControlLink",
                column: "ControlId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierControlLink_OrganizationId",
                table: "SupplierControlLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierEvidenceLink_EvidenceId",
                table: "SupplierEvidenceLink",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierEvidenceLink_OrganizationId",
                table: "SupplierEvidenceLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRiskLink_OrganizationId",
                table: "SupplierRiskLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierRiskLink_RiskId",
                table: "SupplierRiskLink",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierSubProcessors_OrganizationId",
                table: "SupplierSubProcessors",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierSubProcessors_SubProcessorId",
                table: "SupplierSubProcessors",
                column: "SubProcessorId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierTiers_OrganizationId",
                table: "SupplierTiers",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_OrganizationId_Key",
                table: "Suppliers",
                columns: new[] { "OrganizationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_OrganizationId_Name",
                table: "Suppliers",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupplierAiSystemLink");

            migrationBuilder.DropTable(
                name: "SupplierControlLink");

            migrationBuilder.DropTable(
                name: "SupplierEvidenceLink");

            migrationBuilder.DropTable(
                name: "SupplierRiskLink");

            migrationBuilder.DropTable(
                name: "SupplierSubProcessors");

            migrationBuilder.DropTable(
                name: "SupplierTiers");

            migrationBuilder.DropTable(
                name: "Suppliers");
        }
    }
}
