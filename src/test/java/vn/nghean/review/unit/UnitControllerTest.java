package vn.nghean.review.unit;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/units} as a web slice (Spring MVC and the application's error answers, the registry
 * mocked; no engine, no database, about a second): the day parsed as Vietnamese offices write it, no
 * contact addresses in the answer, a day it cannot read refused in Vietnamese. Who may call it is the
 * gate's, proved by the whole-application tests (AuthorizationMatrixTest, SideDoorTest).
 */
@WebMvcTest(UnitController.class)
@AutoConfigureMockMvc(addFilters = false)
class UnitControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean UnitRegistry registry;

  static final Unit ANH_SON = new Unit("ANHSONXA", UnitKind.COMMUNE, "UBND xã Anh Sơn", List.of("canbo@anhson.example"),
      List.of("lanhdao@anhson.example"), LocalDate.of(2025, 7, 1), null, "17500", "ANHSON");

  @Test
  void shouldListTheUnitsOfTheDayWrittenAsOfficesWriteItWithoutTheirAddresses() throws Exception {
    when(registry.on(LocalDate.of(2025, 7, 1))).thenReturn(List.of(ANH_SON));

    mvc.perform(get("/api/units").param("at", "01/07/2025"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].code").value("ANHSONXA"))
        .andExpect(jsonPath("$[0].name").value("UBND xã Anh Sơn"))
        .andExpect(jsonPath("$[0].validFrom").value("2025-07-01"))
        .andExpect(jsonPath("$[0].officerEmails").doesNotExist())
        .andExpect(jsonPath("$[0].leaderEmails").doesNotExist());
  }

  @Test
  void shouldRefuseADayItCannotReadInVietnamese() throws Exception {
    mvc.perform(get("/api/units").param("at", "32/13/2025"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("ngày «32/13/2025» không đúng")));
  }
}
