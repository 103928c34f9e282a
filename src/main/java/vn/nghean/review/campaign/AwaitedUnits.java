package vn.nghean.review.campaign;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.unit.UnitsAwaited;

/**
 * A campaign waits for a unit while the campaign is open and the unit's review has not ended
 * (accepted, closed at the cut-off or cancelled), or has not begun yet.
 */
@Component
class AwaitedUnits implements UnitsAwaited {

  private final CampaignUnitRepository campaignUnits;

  AwaitedUnits(CampaignUnitRepository campaignUnits) {
    this.campaignUnits = campaignUnits;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, List<String>> byOpenCampaigns(Collection<String> unitCodes) {
    if (unitCodes.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> awaited = new TreeMap<>();
    for (Object[] row : campaignUnits.awaitedByOpenCampaigns(unitCodes)) {
      awaited.computeIfAbsent((String) row[0], code -> new ArrayList<>()).add((String) row[1]);
    }
    return new LinkedHashMap<>(awaited);
  }
}
