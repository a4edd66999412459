using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Hidden = table.Column<bool>(type: "boolean", nullable: false),
                    Mail = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MailAttempts = table.Column<int>(type: "integer", nullable: false),
                    MailNextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MailClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MailSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MailLastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderPreferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Assigned = table.Column<bool>(type: "boolean", nullable: false),
                    DueSoon = table.Column<bool>(type: "boolean", nullable: false),
                    DueSoonDays = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<bool>(type: "boolean", nullable: false),
                    WeeklyDigest = table.Column<bool>(type: "boolean", nullable: false),
                    DigestOnly = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderPreferences_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSweeps",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstSweptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSweptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSweeps", x => x.OrganizationId);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledJobRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ScheduledFireUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Node = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledJobRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganizationId_Mail_MailNextAttemptUtc",
                table: "Notifications",
                columns: new[] { "OrganizationId", "Mail", "MailNextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganizationId_UserId_Key",
                table: "Notifications",
                columns: new[] { "OrganizationId", "UserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganizationId_UserId_ReadUtc",
                table: "Notifications",
                columns: new[] { "OrganizationId", "UserId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderPreferences_OrganizationId_UserId",
                table: "ReminderPreferences",
                columns: new[] { "OrganizationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobRuns_Job_ScheduledFireUtc",
                table: "ScheduledJobRuns",
                columns: new[] { "Job", "ScheduledFireUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJobRuns_StartedUtc",
                table: "ScheduledJobRuns",
                column: "StartedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ReminderPreferences");

            migrationBuilder.DropTable(
                name: "ReminderSweeps");

            migrationBuilder.DropTable(
                name: "ScheduledJobRuns");
        }
    }
}
