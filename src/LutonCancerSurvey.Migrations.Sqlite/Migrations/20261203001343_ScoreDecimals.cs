using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScoreDecimals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ScoreDecimals",
                table: "Results",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScoreDecimals",
                table: "Results");
        }
    }
}
