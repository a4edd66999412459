using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebhookSwitchOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EnabledSinceUtc",
                table: "WebhookEndpoints",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "LastSentByHand",
                table: "WebhookEndpoints",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SwitchedOffReason",
                table: "WebhookEndpoints",
                type: "character varying(600)",
                maxLength: 600,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SwitchedOffUtc",
                table: "WebhookEndpoints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstAttemptUtc",
                table: "WebhookDeliveries",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnabledSinceUtc",
                table: "WebhookEndpoints");

            migrationBuilder.DropColumn(
                name: "LastSentByHand",
                table: "WebhookEndpoints");

            migrationBuilder.DropColumn(
                name: "SwitchedOffReason",
                table: "WebhookEndpoints");

            migrationBuilder.DropColumn(
                name: "SwitchedOffUtc",
                table: "WebhookEndpoints");

            migrationBuilder.DropColumn(
                name: "FirstAttemptUtc",
                table: "WebhookDeliveries");
        }
    }
}
