using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExternalAuditEngagements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuditorEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NormalizedAuditorEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InvitationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Standards = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequirementIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementAccesses_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementAccesses_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grade = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequirementIds = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NonconformityId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementFindings_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementFindings_Nonconformities_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementFindings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementSamples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Population = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PopulationSize = table.Column<int>(type: "integer", nullable: false),
                    PopulationFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    Method = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SelectedJson = table.Column<string>(type: "text", nullable: false),
                    DrawnUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementSamples_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementSamples_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssigneeUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceRequests_ControlEvidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "ControlEvidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceRequests_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvidenceRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementAccesses_EngagementId",
                table: "EngagementAccesses",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementAccesses_OrganizationId_EngagementId",
                table: "EngagementAccesses",
                columns: new[] { "OrganizationId", "EngagementId" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementFindings_EngagementId",
                table: "EngagementFindings",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementFindings_NonconformityId",
                table: "EngagementFindings",
                column: "NonconformityId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementFindings_OrganizationId_EngagementId",
                table: "EngagementFindings",
                columns: new[] { "OrganizationId", "EngagementId" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSamples_EngagementId",
                table: "EngagementSamples",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSamples_OrganizationId_EngagementId",
                table: "EngagementSamples",
                columns: new[] { "OrganizationId", "EngagementId" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_OrganizationId_NormalizedAuditorEmail",
                table: "Engagements",
                columns: new[] { "OrganizationId", "NormalizedAuditorEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_EngagementId",
                table: "EvidenceRequests",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_EvidenceId",
                table: "EvidenceRequests",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRequests_OrganizationId_EngagementId_Number",
                table: "EvidenceRequests",
                columns: new[] { "OrganizationId", "EngagementId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngagementAccesses");

            migrationBuilder.DropTable(
                name: "EngagementFindings");

            migrationBuilder.DropTable(
                name: "EngagementSamples");

            migrationBuilder.DropTable(
                name: "EvidenceRequests");

            migrationBuilder.DropTable(
                name: "Engagements");
        }
    }
}
