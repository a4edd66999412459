using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificationModule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditTimeInputs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonsInScope = table.Column<int>(type: "INTEGER", nullable: true),
                    IdenticalLowRiskPersons = table.Column<int>(type: "INTEGER", nullable: true),
                    Sites = table.Column<int>(type: "INTEGER", nullable: true),
                    BusinessComplexity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ItComplexity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AiPersons = table.Column<int>(type: "INTEGER", nullable: true),
                    AiRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTimeInputs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditTimeInputs_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CandidateBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Standard = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AccreditationBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IafMlaSignatory = table.Column<bool>(type: "INTEGER", nullable: true),
                    Accredited = table.Column<bool>(type: "INTEGER", nullable: true),
                    AiCompetentAuditors = table.Column<bool>(type: "INTEGER", nullable: true),
                    IntegratedAuditOffered = table.Column<bool>(type: "INTEGER", nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CoversAllSites = table.Column<bool>(type: "INTEGER", nullable: true),
                    QuotedInitialDays = table.Column<double>(type: "REAL", nullable: true),
                    QuotedSurveillanceDays = table.Column<double>(type: "REAL", nullable: true),
                    QuotedRecertificationDays = table.Column<double>(type: "REAL", nullable: true),
                    QuotedPrice = table.Column<int>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateBodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateBodies_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BodyFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NonconformityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Audit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BodyReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RespondBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseBy = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyFindings_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BodyFindings_Nonconformities_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BodyFindings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTimeInputs_OrganizationId",
                table: "AuditTimeInputs",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BodyFindings_CertificateId",
                table: "BodyFindings",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyFindings_NonconformityId",
                table: "BodyFindings",
                column: "NonconformityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BodyFindings_OrganizationId_CertificateId",
                table: "BodyFindings",
                columns: new[] { "OrganizationId", "CertificateId" });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateBodies_OrganizationId_Name_Standard",
                table: "CandidateBodies",
                columns: new[] { "OrganizationId", "Name", "Standard" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganizationId_Body_Number",
                table: "Certificates",
                columns: new[] { "OrganizationId", "Body", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditTimeInputs");

            migrationBuilder.DropTable(
                name: "BodyFindings");

            migrationBuilder.DropTable(
                name: "CandidateBodies");

            migrationBuilder.DropTable(
                name: "Certificates");
        }
    }
}
