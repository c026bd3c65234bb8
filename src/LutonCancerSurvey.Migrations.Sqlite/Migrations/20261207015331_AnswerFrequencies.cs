using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnswerFrequencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TumourGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    BreakdownId = table.Column<int>(type: "INTEGER", nullable: false),
                    Respondents = table.Column<int>(type: "INTEGER", nullable: true),
                    Suppression = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnswerSets_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AnswerSets_Imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "Imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerSets_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnswerSets_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AnswerSets_TumourGroups_TumourGroupId",
                        column: x => x.TumourGroupId,
                        principalTable: "TumourGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnswerOptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerSetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountsAsPositive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Respondents = table.Column<int>(type: "INTEGER", nullable: true),
                    Percent = table.Column<double>(type: "REAL", nullable: true),
                    PercentDecimals = table.Column<int>(type: "INTEGER", nullable: true),
                    Suppression = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnswerOptions_AnswerSets_AnswerSetId",
                        column: x => x.AnswerSetId,
                        principalTable: "AnswerSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerOptions_AnswerSetId_Order",
                table: "AnswerOptions",
                columns: new[] { "AnswerSetId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerSets_EditionId",
                table: "AnswerSets",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerSets_ImportId",
                table: "AnswerSets",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerSets_OrganisationId_EditionId_QuestionId_TumourGroupId_BreakdownId",
                table: "AnswerSets",
                columns: new[] { "OrganisationId", "EditionId", "QuestionId", "TumourGroupId", "BreakdownId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnswerSets_QuestionId",
                table: "AnswerSets",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerSets_TumourGroupId",
                table: "AnswerSets",
                column: "TumourGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerOptions");

            migrationBuilder.DropTable(
                name: "AnswerSets");
        }
    }
}
