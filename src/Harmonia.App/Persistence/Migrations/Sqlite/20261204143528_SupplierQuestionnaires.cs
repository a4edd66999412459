using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplierQuestionnaires : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "AiEvidenceId",
                table: "RiskSuggestions",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "SupplierQuestionnaireId",
                table: "RiskSuggestions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SupplierQuestionnaireTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Yaml = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierQuestionnaireTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierQuestionnaireTemplates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierQuestionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TemplateJson = table.Column<string>(type: "TEXT", nullable: false),
                    SentTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    MarksJson = table.Column<string>(type: "TEXT", nullable: false),
                    CommentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AnswerVersions = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierQuestionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierQuestionnaires_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierQuestionnaires_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierAnswerVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Submitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SavedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierAnswerVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierAnswerVersions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierAnswerVersions_SupplierQuestionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "SupplierQuestionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskSuggestions_SupplierQuestionnaireId",
                table: "RiskSuggestions",
                column: "SupplierQuestionnaireId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAnswerVersions_OrganizationId",
                table: "SupplierAnswerVersions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierAnswerVersions_QuestionnaireId_Number",
                table: "SupplierAnswerVersions",
                columns: new[] { "QuestionnaireId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierQuestionnaireTemplates_OrganizationId_Key",
                table: "SupplierQuestionnaireTemplates",
                columns: new[] { "OrganizationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierQuestionnaires_OrganizationId_SupplierId",
                table: "SupplierQuestionnaires",
                columns: new[] { "OrganizationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplierQuestionnaires_SupplierId",
                table: "SupplierQuestionnaires",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierQuestionnaires_TokenHash",
                table: "SupplierQuestionnaires",
                column: "TokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskSuggestions_SupplierQuestionnaires_SupplierQuestionnaireId",
                table: "RiskSuggestions",
                column: "SupplierQuestionnaireId",
                principalTable: "SupplierQuestionnaires",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RiskSuggestions_SupplierQuestionnaires_SupplierQuestionnaireId",
                table: "RiskSuggestions");

            migrationBuilder.DropTable(
                name: "SupplierAnswerVersions");

            migrationBuilder.DropTable(
                name: "SupplierQuestionnaireTemplates");

            migrationBuilder.DropTable(
                name: "SupplierQuestionnaires");

            migrationBuilder.DropIndex(
                name: "IX_RiskSuggestions_SupplierQuestionnaireId",
                table: "RiskSuggestions");

            migrationBuilder.DropColumn(
                name: "SupplierQuestionnaireId",
                table: "RiskSuggestions");

            migrationBuilder.AlterColumn<Guid>(
                name: "AiEvidenceId",
                table: "RiskSuggestions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
