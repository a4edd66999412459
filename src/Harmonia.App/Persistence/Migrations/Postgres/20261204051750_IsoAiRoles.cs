using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Harmonia.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IsoAiRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AiRoles",
                table: "AiSystems",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EuAiActRole",
                table: "AiSystems",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // --- Hand-written data conversion (copy into a regenerated migration) ------------------------------------
            // The old single role was the EU AI Act's word; it becomes the ISO/IEC 22989 role that does the same work
            // plus the Act role it implied (AiRoles.Legacy states the same mapping for old files and API clients):
            //   developer -> AI developer (AI producer), Act provider (it puts its own system into service)
            //   provider  -> AI product or service provider (AI provider), Act provider
            //   deployer  -> AI user (AI customer), Act deployer
            //   user      -> AI user (AI customer), Act deployer (the Act proposal's word for the deployer)
            // Nothing else was ever accepted; an unexpected value still gets a role (AI user) so no system is left without one.
            migrationBuilder.Sql("""
                UPDATE "AiSystems" SET
                    "AiRoles" = CASE "Role" WHEN 'developer' THEN 'ai-developer' WHEN 'provider' THEN 'ai-product-provider' ELSE 'ai-user' END,
                    "EuAiActRole" = CASE "Role" WHEN 'developer' THEN 'provider' WHEN 'provider' THEN 'provider' WHEN 'deployer' THEN 'deployer' WHEN 'user' THEN 'deployer' ELSE NULL END;
                """);

            // The questionnaire answer "ai.roles" (every stored answer version) takes the 22989 role names the same way.
            migrationBuilder.Sql("""
                UPDATE "AnswerSets" SET "Json" = jsonb_set("Json"::jsonb, '{ai.roles}', (
                    SELECT COALESCE(jsonb_agg("Name" ORDER BY "First"), '[]'::jsonb) FROM (
                        SELECT CASE e.value WHEN 'developer' THEN 'AI developer' WHEN 'provider' THEN 'AI product or service provider'
                                            WHEN 'deployer' THEN 'AI user' WHEN 'user' THEN 'AI user' ELSE e.value END AS "Name", MIN(e.ordinality) AS "First"
                        FROM jsonb_array_elements_text("AnswerSets"."Json"::jsonb -> 'ai.roles') WITH ORDINALITY AS e(value, ordinality)
                        GROUP BY 1) AS mapped))::text
                WHERE jsonb_typeof("Json"::jsonb -> 'ai.roles') = 'array';
                """);

            migrationBuilder.DropColumn(
                name: "Role",
                table: "AiSystems");
            // --- End of the hand-written data conversion ---------------------------------------------------------------
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AiRoles",
                table: "AiSystems");

            migrationBuilder.DropColumn(
                name: "EuAiActRole",
                table: "AiSystems");

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "AiSystems",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }
    }
}
