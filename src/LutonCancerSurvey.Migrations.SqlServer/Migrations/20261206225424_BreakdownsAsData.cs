using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace LutonCancerSurvey.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BreakdownsAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ComparedWithId",
                table: "Results",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Breakdowns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Dimension = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Group = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Breakdowns", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Breakdowns",
                columns: new[] { "Id", "Dimension", "Group", "Order" },
                values: new object[,]
                {
                    { 1, "sex", "male", 1 },
                    { 2, "sex", "female", 2 },
                    { 11, "deprivation", "1", 1 },
                    { 12, "deprivation", "2", 2 },
                    { 13, "deprivation", "3", 3 },
                    { 14, "deprivation", "4", 4 },
                    { 15, "deprivation", "5", 5 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Breakdowns_Dimension_Group",
                table: "Breakdowns",
                columns: new[] { "Dimension", "Group" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Breakdowns");

            migrationBuilder.DropColumn(
                name: "ComparedWithId",
                table: "Results");
        }
    }
}
