package io.tenantry.workspace.runs;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.tenantry.faces.ItemIds;
import io.tenantry.faces.Messages;
import io.tenantry.faces.ScriptJson;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.workspace.products.ProductCatalog;
import io.tenantry.workspace.products.ProductChoice;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/**
 * A product's dashboard: the pass rate of each run over time and its executions by status, drawn
 * by PrimeFaces' Chart.js component from the configuration built here. The configuration is written
 * into the page's script and holds the runs' summaries, which anyone in the tenant may write: it
 * goes out through {@link ScriptJson}.
 */
@Named
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<ExecutionStatus, String> COLOURS = Map.of(ExecutionStatus.PASSED, "#2f8132",
            ExecutionStatus.FAILED, "#c62828", ExecutionStatus.BLOCKED, "#b45309", ExecutionStatus.WAIVED, "#6b7280",
            ExecutionStatus.RUNNING, "#1d5fbf", ExecutionStatus.IDLE, "#9aa5b1");

    @Inject
    TestRuns runs;

    @Inject
    ProductCatalog catalog;

    private String productParam;
    private Long productId;
    private List<ProductChoice> products;
    private List<RunTally> tallies;

    /** The dashboard of the product the address names, or of the first; an id that names no product is refused: 404. */
    public void load() {
        products = catalog.choices();
        productId = ItemIds.optional(productParam, "product").orElse(null);
        if (productId != null && products.stream().noneMatch(p -> p.id() == productId)) {
            throw new NoSuchItemException("product", productId);
        }
        if (productId == null && !products.isEmpty()) {
            productId = products.get(0).id();
        }
        tallies = productId == null ? List.of() : runs.tallies(productId);
    }

    public String getPassRateChart() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder rates = JSON.createArrayBuilder();
        tallies.forEach(tally -> {
            labels.add(tally.summary());
            rates.add(tally.passRate());
        });
        JsonObjectBuilder dataset = JSON.createObjectBuilder().add("label", Messages.text("dashboard.passRate"))
                .add("data", rates).add("borderColor", COLOURS.get(ExecutionStatus.PASSED)).add("tension", 0.2);
        return ScriptJson.of(JSON.createObjectBuilder().add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets",
                        JSON.createArrayBuilder().add(dataset)))
                .add("options", options().add("scales", JSON.createObjectBuilder().add("y",
                        JSON.createObjectBuilder().add("min", 0).add("max", 100)))).build());
    }

    public String getStatusChart() {
        Map<ExecutionStatus, Long> totals = new EnumMap<>(ExecutionStatus.class);
        tallies.forEach(tally -> tally.counts().forEach((status, count) -> totals.merge(status, count, Long::sum)));
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder counts = JSON.createArrayBuilder();
        JsonArrayBuilder colours = JSON.createArrayBuilder();
        totals.forEach((status, count) -> {
            labels.add(Messages.text("status." + status.name()));
            counts.add(count);
            colours.add(COLOURS.get(status));
        });
        return ScriptJson.of(JSON.createObjectBuilder().add("type", "doughnut")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("data", counts).add("backgroundColor", colours))))
                .add("options", options()).build());
    }

    /** Drawn at once, not animated: the figures are for reading, and screenshots show them whole. */
    private static JsonObjectBuilder options() {
        return JSON.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false);
    }

    public List<RunTally> getTallies() {
        return tallies;
    }

    public List<ProductChoice> getProducts() {
        return products;
    }

    public Long getProductId() {
        return productId;
    }

    /** The product's id as the address gives it, read by {@link #load}. */
    public String getProductParam() {
        return productParam;
    }

    public void setProductParam(String productParam) {
        this.productParam = productParam;
    }
}
