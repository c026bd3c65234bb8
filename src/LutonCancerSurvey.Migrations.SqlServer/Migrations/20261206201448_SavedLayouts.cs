using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SavedLayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedLayouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    HeaderSignature = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Definition = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SavedAt = table.Column<long>(type: "bigint", nullable: false),
                    SavedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedLayouts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedLayouts_HeaderSignature",
                table: "SavedLayouts",
                column: "HeaderSignature");

            migrationBuilder.CreateIndex(
                name: "IX_SavedLayouts_Name",
                table: "SavedLayouts",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedLayouts");
        }
    }
}
