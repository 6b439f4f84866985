package io.tenantry.workspace.cases;

import java.util.Map;
import java.util.stream.Stream;

import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads test cases and their history as views for the API and the pages, inside the tenant's
 * transaction (joining the caller's when there is one). The permission checks are {@link TestCases}'.
 */
@ApplicationScoped
@Transactional
@TenantData
public class CaseViews {

    @Inject
    TestCases cases;

    @Inject
    People people;

    /** One page of cases, as the query asks. */
    public ResultPage<CaseView> cases(ListQuery query) {
        ResultPage<TestCase> page = cases.list(query);
        Map<Long, String> names = people.namesIn(page.items(), CaseViews::peopleOf);
        return page.map(c -> CaseView.of(c, names));
    }

    /** One case; 404 when there is no such case here. */
    public CaseView testCase(long id) {
        return people.one(cases.get(id), CaseViews::peopleOf, CaseView::of);
    }

    /** A window of the case's history (see {@link TestCases#history}); 404 when there is no such case here. */
    public ResultPage<ChangeView> history(long caseId, ListQuery window) {
        ResultPage<CaseChange> page = cases.history(caseId, window);
        Map<Long, String> names = people.namesIn(page.items(), change -> Stream.of(change.accountId()));
        return page.map(change -> ChangeView.of(change, names));
    }

    private static Stream<Long> peopleOf(TestCase c) {
        return Stream.of(c.authorId(), c.defaultTesterId());
    }
}
