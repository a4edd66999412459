using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReleasedEvidenceFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReleasedEvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReleasedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleasedEvidenceFiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedEvidenceFiles_ReleasedUtc",
                table: "ReleasedEvidenceFiles",
                column: "ReleasedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ReleasedEvidenceFiles_Sha256",
                table: "ReleasedEvidenceFiles",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReleasedEvidenceFiles");
        }
    }
}
