using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParentsAndSuccessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IcbId",
                table: "OrganisationEditions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "OrganisationEditions",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_OrganisationEditions_IcbId",
                table: "OrganisationEditions",
                column: "IcbId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationEditions_RegionId",
                table: "OrganisationEditions",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Successions_PredecessorId",
                table: "Successions",
                column: "PredecessorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Successions_SuccessorId",
                table: "Successions",
                column: "SuccessorId");

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationEditions_Organisations_IcbId",
                table: "OrganisationEditions",
                column: "IcbId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationEditions_Organisations_RegionId",
                table: "OrganisationEditions",
                column: "RegionId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationEditions_Organisations_IcbId",
                table: "OrganisationEditions");

            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationEditions_Organisations_RegionId",
                table: "OrganisationEditions");

            migrationBuilder.DropTable(
                name: "Successions");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationEditions_IcbId",
                table: "OrganisationEditions");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationEditions_RegionId",
                table: "OrganisationEditions");

            migrationBuilder.DropColumn(
                name: "IcbId",
                table: "OrganisationEditions");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "OrganisationEditions");
        }
    }
}
