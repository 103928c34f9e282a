package vn.nghean.review.unit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which units open campaigns still wait for: a unit that a campaign waits for may not leave the
 * registry. Implemented where campaigns are kept, so that the registry needs to know nothing of them.
 */
public interface UnitsAwaited {

  /** @return for each of the codes some open campaign still waits for, the codes of those campaigns */
  Map<String, List<String>> byOpenCampaigns(Collection<String> unitCodes);
}
