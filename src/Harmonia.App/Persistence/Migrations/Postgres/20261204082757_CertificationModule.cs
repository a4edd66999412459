using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonsInScope = table.Column<int>(type: "integer", nullable: true),
                    IdenticalLowRiskPersons = table.Column<int>(type: "integer", nullable: true),
                    Sites = table.Column<int>(type: "integer", nullable: true),
                    BusinessComplexity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ItComplexity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AiPersons = table.Column<int>(type: "integer", nullable: true),
                    AiRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Standard = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AccreditationBody = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IafMlaSignatory = table.Column<bool>(type: "boolean", nullable: true),
                    Accredited = table.Column<bool>(type: "boolean", nullable: true),
                    AiCompetentAuditors = table.Column<bool>(type: "boolean", nullable: true),
                    IntegratedAuditOffered = table.Column<bool>(type: "boolean", nullable: true),
                    Languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CoversAllSites = table.Column<bool>(type: "boolean", nullable: true),
                    QuotedInitialDays = table.Column<double>(type: "double precision", nullable: true),
                    QuotedSurveillanceDays = table.Column<double>(type: "double precision", nullable: true),
                    QuotedRecertificationDays = table.Column<double>(type: "double precision", nullable: true),
                    QuotedPrice = table.Column<int>(type: "integer", nullable: true),
                    Currency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    NonconformityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Audit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BodyReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RespondBy = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseBy = table.Column<DateOnly>(type: "date", nullable: false)
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
