using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Successions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Successions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PredecessorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuccessorId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Successions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Successions_Organisations_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Successions_Organisations_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Successions_PredecessorId",
                table: "Successions",
                column: "PredecessorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Successions_SuccessorId",
                table: "Successions",
                column: "SuccessorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Successions");
        }
    }
}
