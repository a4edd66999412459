using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiskAcceptance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AcceptanceExpiresOn",
                table: "Risks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedBy",
                table: "Risks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcceptedUtc",
                table: "Risks",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptanceExpiresOn",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "AcceptedBy",
                table: "Risks");

            migrationBuilder.DropColumn(
                name: "AcceptedUtc",
                table: "Risks");
        }
    }
}
