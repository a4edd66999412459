using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OwnFrameworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OwnFrameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SourceFormat = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnFrameworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnFrameworks_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OwnMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnFrameworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 170, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 170, nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Strength = table.Column<int>(type: "INTEGER", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnMappings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OwnMappings_OwnFrameworks_OwnFrameworkId",
                        column: x => x.OwnFrameworkId,
                        principalTable: "OwnFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OwnRequirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnFrameworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ParentRef = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Assessable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnRequirements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnRequirements_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OwnRequirements_OwnFrameworks_OwnFrameworkId",
                        column: x => x.OwnFrameworkId,
                        principalTable: "OwnFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OwnFrameworks_OrganizationId_FrameworkId",
                table: "OwnFrameworks",
                columns: new[] { "OrganizationId", "FrameworkId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnMappings_OrganizationId_SourceId_TargetId",
                table: "OwnMappings",
                columns: new[] { "OrganizationId", "SourceId", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnMappings_OwnFrameworkId",
                table: "OwnMappings",
                column: "OwnFrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnRequirements_OrganizationId",
                table: "OwnRequirements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OwnRequirements_OwnFrameworkId_Ref",
                table: "OwnRequirements",
                columns: new[] { "OwnFrameworkId", "Ref" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OwnMappings");

            migrationBuilder.DropTable(
                name: "OwnRequirements");

            migrationBuilder.DropTable(
                name: "OwnFrameworks");
        }
    }
}
