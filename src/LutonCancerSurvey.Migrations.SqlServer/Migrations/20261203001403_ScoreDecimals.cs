using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.SqlServer.Migrations
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
                type: "int",
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
