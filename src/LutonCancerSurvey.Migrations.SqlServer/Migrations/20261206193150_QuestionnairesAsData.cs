using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace LutonCancerSurvey.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class QuestionnairesAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "Editions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuestionSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FirstYear = table.Column<int>(type: "int", nullable: true),
                    LastYear = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionSeries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FromSeriesId = table.Column<int>(type: "int", nullable: false),
                    FromNumber = table.Column<int>(type: "int", nullable: false),
                    ToSeriesId = table.Column<int>(type: "int", nullable: false),
                    ToNumber = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionLinks_QuestionSeries_FromSeriesId",
                        column: x => x.FromSeriesId,
                        principalTable: "QuestionSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionLinks_QuestionSeries_ToSeriesId",
                        column: x => x.ToSeriesId,
                        principalTable: "QuestionSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SeriesId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Section = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Scoring = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireItems_QuestionSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "QuestionSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "QuestionSeries",
                columns: new[] { "Id", "Code", "FirstYear", "LastYear", "Name" },
                values: new object[] { 1, "cpes-2015", 2015, 2019, "CPES questionnaire used 2015 to 2019" });

            migrationBuilder.InsertData(
                table: "QuestionnaireItems",
                columns: new[] { "Id", "Number", "Scoring", "Section", "SeriesId" },
                values: new object[,]
                {
                    { 1, 1, 0, "Seeing your GP", 1 },
                    { 2, 2, 0, "Seeing your GP", 1 },
                    { 3, 5, 0, "Diagnostic tests", 1 },
                    { 4, 6, 0, "Diagnostic tests", 1 },
                    { 5, 7, 0, "Diagnostic tests", 1 },
                    { 6, 8, 0, "Finding out what was wrong with you", 1 },
                    { 7, 9, 0, "Finding out what was wrong with you", 1 },
                    { 8, 10, 0, "Finding out what was wrong with you", 1 },
                    { 9, 11, 0, "Finding out what was wrong with you", 1 },
                    { 10, 12, 0, "Deciding the best treatment for you", 1 },
                    { 11, 13, 0, "Deciding the best treatment for you", 1 },
                    { 12, 14, 0, "Deciding the best treatment for you", 1 },
                    { 13, 15, 0, "Deciding the best treatment for you", 1 },
                    { 14, 16, 0, "Deciding the best treatment for you", 1 },
                    { 15, 17, 0, "Clinical Nurse Specialist", 1 },
                    { 16, 18, 0, "Clinical Nurse Specialist", 1 },
                    { 17, 19, 0, "Clinical Nurse Specialist", 1 },
                    { 18, 20, 0, "Support for people with cancer", 1 },
                    { 19, 21, 0, "Support for people with cancer", 1 },
                    { 20, 22, 0, "Support for people with cancer", 1 },
                    { 21, 23, 0, "Support for people with cancer", 1 },
                    { 22, 25, 0, "Operations", 1 },
                    { 23, 26, 0, "Operations", 1 },
                    { 24, 28, 0, "Hospital care as an inpatient", 1 },
                    { 25, 29, 0, "Hospital care as an inpatient", 1 },
                    { 26, 30, 0, "Hospital care as an inpatient", 1 },
                    { 27, 31, 0, "Hospital care as an inpatient", 1 },
                    { 28, 32, 0, "Hospital care as an inpatient", 1 },
                    { 29, 33, 0, "Hospital care as an inpatient", 1 },
                    { 30, 34, 0, "Hospital care as an inpatient", 1 },
                    { 31, 35, 0, "Hospital care as an inpatient", 1 },
                    { 32, 36, 0, "Hospital care as an inpatient", 1 },
                    { 33, 37, 0, "Hospital care as an inpatient", 1 },
                    { 34, 38, 0, "Hospital care as an inpatient", 1 },
                    { 35, 39, 0, "Hospital care as an inpatient", 1 },
                    { 36, 41, 0, "Hospital care as a day patient / outpatient", 1 },
                    { 37, 42, 0, "Hospital care as a day patient / outpatient", 1 },
                    { 38, 44, 0, "Hospital care as a day patient / outpatient", 1 },
                    { 39, 45, 0, "Hospital care as a day patient / outpatient", 1 },
                    { 40, 47, 0, "Hospital care as a day patient / outpatient", 1 },
                    { 41, 48, 0, "Hospital care as a day patient / outpatient", 1 },
                    { 42, 49, 0, "Home care and support", 1 },
                    { 43, 50, 0, "Home care and support", 1 },
                    { 44, 51, 0, "Home care and support", 1 },
                    { 45, 52, 0, "Care from your general practice", 1 },
                    { 46, 53, 0, "Care from your general practice", 1 },
                    { 47, 54, 0, "Your overall NHS care", 1 },
                    { 48, 55, 0, "Your overall NHS care", 1 },
                    { 49, 56, 0, "Your overall NHS care", 1 },
                    { 50, 57, 0, "Your overall NHS care", 1 },
                    { 51, 58, 0, "Your overall NHS care", 1 },
                    { 52, 59, 1, "Your overall NHS care", 1 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Editions_SeriesId",
                table: "Editions",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionLinks_FromSeriesId_FromNumber_ToSeriesId_ToNumber",
                table: "QuestionLinks",
                columns: new[] { "FromSeriesId", "FromNumber", "ToSeriesId", "ToNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionLinks_ToSeriesId_ToNumber",
                table: "QuestionLinks",
                columns: new[] { "ToSeriesId", "ToNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireItems_SeriesId_Number",
                table: "QuestionnaireItems",
                columns: new[] { "SeriesId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionSeries_Code",
                table: "QuestionSeries",
                column: "Code",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Editions_QuestionSeries_SeriesId",
                table: "Editions",
                column: "SeriesId",
                principalTable: "QuestionSeries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Editions_QuestionSeries_SeriesId",
                table: "Editions");

            migrationBuilder.DropTable(
                name: "QuestionLinks");

            migrationBuilder.DropTable(
                name: "QuestionnaireItems");

            migrationBuilder.DropTable(
                name: "QuestionSeries");

            migrationBuilder.DropIndex(
                name: "IX_Editions_SeriesId",
                table: "Editions");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Editions");
        }
    }
}
