package vn.nghean.review.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.unit.RegistryFile;
import vn.nghean.review.unit.Unit;

/**
 * The Keycloak realm a province starts from (docs/keycloak/nghean-realm.json) has a group for the
 * officers and one for the leaders of every unit of the registry, named as the application's groups,
 * and the province's groups: a province that imports it needs no group mapping. After the registry
 * changes: python3 docs/keycloak/make-realm.py.
 */
class RealmFileTest {

  @Test
  void shouldHoldEveryGroupOfTheApplicationUnderItsOwnName() throws IOException {
    JsonNode realm = new ObjectMapper().readTree(Path.of("docs/keycloak/nghean-realm.json").toFile());
    List<String> groups = new ArrayList<>();
    realm.get("groups").forEach(parent -> parent.get("subGroups").forEach(group -> groups.add(group.get("name").asText())));

    List<String> expected = new ArrayList<>(Groups.PROVINCE_READERS);
    expected.add(Groups.PV01_LEAD);
    for (Unit unit : RegistryFile.read(new ClassPathResource("units/nghe-an.csv")).units()) {
      expected.add(Groups.unitOfficers(unit.code()));
      expected.add(Groups.unitLeaders(unit.code()));
    }
    assertThat(groups).as("run python3 docs/keycloak/make-realm.py after the registry changes")
        .containsExactlyInAnyOrderElementsOf(expected.stream().distinct().toList());
    // The application's client: PKCE, back to this application only, the groups claim in every token.
    JsonNode client = realm.get("clients").get(0);
    assertThat(client.get("clientId").asText()).isEqualTo("so-ket");
    assertThat(client.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
    assertThat(client.get("redirectUris").get(0).asText()).isEqualTo("${SO_KET_URL}/login/oauth2/code/"
        + ProviderSettings.REGISTRATION);
    assertThat(client.get("protocolMappers").findValuesAsText("claim.name")).contains("groups");
    assertThat(realm.get("permanentLockout").asBoolean()).as("no account locked for good").isFalse();
  }
}
