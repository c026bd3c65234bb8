using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LevelPerEdition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Level",
                table: "OrganisationEditions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationEditions_EditionId_Level",
                table: "OrganisationEditions",
                columns: new[] { "EditionId", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrganisationEditions_EditionId_Level",
                table: "OrganisationEditions");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "OrganisationEditions");
        }
    }
}
