using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace LutonCancerSurvey.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Editions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PublishedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Imports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false),
                    Rows = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    AllianceId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Organisations_AllianceId",
                        column: x => x.AllianceId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TumourGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TumourGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EditionId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Section = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Scoring = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Results",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EditionId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false),
                    QuestionId = table.Column<int>(type: "int", nullable: false),
                    TumourGroupId = table.Column<int>(type: "int", nullable: false),
                    Breakdown = table.Column<int>(type: "int", nullable: false),
                    Basis = table.Column<int>(type: "int", nullable: false),
                    Respondents = table.Column<int>(type: "int", nullable: true),
                    Score = table.Column<double>(type: "float", nullable: true),
                    CiLower = table.Column<double>(type: "float", nullable: true),
                    CiUpper = table.Column<double>(type: "float", nullable: true),
                    ExpectedLower = table.Column<double>(type: "float", nullable: true),
                    ExpectedUpper = table.Column<double>(type: "float", nullable: true),
                    Band = table.Column<int>(type: "int", nullable: true),
                    ChangeSincePrevious = table.Column<int>(type: "int", nullable: true),
                    ChangeOverall = table.Column<int>(type: "int", nullable: true),
                    GroupDifferenceSignificant = table.Column<bool>(type: "bit", nullable: true),
                    Suppression = table.Column<int>(type: "int", nullable: false),
                    SourceNote = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ImportId = table.Column<int>(type: "int", nullable: false),
                    SourceRow = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Results_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Results_Imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "Imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Results_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Results_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Results_TumourGroups_TumourGroupId",
                        column: x => x.TumourGroupId,
                        principalTable: "TumourGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "TumourGroups",
                columns: new[] { "Id", "Name" },
                values: new object[,]
                {
                    { 1, "All Cancers" },
                    { 2, "Brain and CNS" },
                    { 3, "Breast" },
                    { 4, "Colorectal" },
                    { 5, "Gynaecological" },
                    { 6, "Haematological" },
                    { 7, "Head and Neck" },
                    { 8, "Lung" },
                    { 9, "Prostate" },
                    { 10, "Sarcoma" },
                    { 11, "Skin" },
                    { 12, "Upper Gastro" },
                    { 13, "Urological" },
                    { 14, "Other" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Editions_Year",
                table: "Editions",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_AllianceId",
                table: "Organisations",
                column: "AllianceId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Code",
                table: "Organisations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Level_Name",
                table: "Organisations",
                columns: new[] { "Level", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_EditionId_Number",
                table: "Questions",
                columns: new[] { "EditionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Results_EditionId",
                table: "Results",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_Results_ImportId",
                table: "Results",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_Results_OrganisationId_EditionId_QuestionId_TumourGroupId_Breakdown_Basis",
                table: "Results",
                columns: new[] { "OrganisationId", "EditionId", "QuestionId", "TumourGroupId", "Breakdown", "Basis" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Results_QuestionId_TumourGroupId_Breakdown_Basis",
                table: "Results",
                columns: new[] { "QuestionId", "TumourGroupId", "Breakdown", "Basis" });

            migrationBuilder.CreateIndex(
                name: "IX_Results_TumourGroupId",
                table: "Results",
                column: "TumourGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_TumourGroups_Name",
                table: "TumourGroups",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Results");

            migrationBuilder.DropTable(
                name: "Imports");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropTable(
                name: "TumourGroups");

            migrationBuilder.DropTable(
                name: "Editions");
        }
    }
}
