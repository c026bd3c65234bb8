using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationFactsPerEdition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Organisations_Organisations_AllianceId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_AllianceId",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_Level_Name",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AllianceId",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "Organisations");

            migrationBuilder.CreateTable(
                name: "OrganisationEditions",
                columns: table => new
                {
                    EditionId = table.Column<int>(type: "int", nullable: false),
                    OrganisationId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AllianceId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationEditions", x => new { x.EditionId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_OrganisationEditions_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationEditions_Organisations_AllianceId",
                        column: x => x.AllianceId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrganisationEditions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationEditions_AllianceId",
                table: "OrganisationEditions",
                column: "AllianceId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationEditions_OrganisationId",
                table: "OrganisationEditions",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrganisationEditions");

            migrationBuilder.AddColumn<int>(
                name: "AllianceId",
                table: "Organisations",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "Organisations",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_AllianceId",
                table: "Organisations",
                column: "AllianceId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Level_Name",
                table: "Organisations",
                columns: new[] { "Level", "Name" });

            migrationBuilder.AddForeignKey(
                name: "FK_Organisations_Organisations_AllianceId",
                table: "Organisations",
                column: "AllianceId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
