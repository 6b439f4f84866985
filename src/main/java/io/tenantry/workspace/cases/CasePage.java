package io.tenantry.workspace.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.ItemIds;
import io.tenantry.faces.NewestFirst;
import io.tenantry.faces.Messages;
import io.tenantry.platform.RefusedException;
import io.tenantry.workspace.notes.AttachmentView;
import io.tenantry.workspace.notes.CommentView;
import io.tenantry.workspace.notes.NoteViews;
import io.tenantry.workspace.notes.Subject;
import io.tenantry.workspace.products.ProductCatalog;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import org.primefaces.model.file.UploadedFile;

/**
 * One test case: its fields (read-only without the right to change), history, attachments and
 * comments, the newest {@value #SHOWN} of each with buttons to older and newer ones.
 */
@Named
@ViewScoped
public class CasePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseViews caseViews;

    @Inject
    NoteViews notes;

    @Inject
    TestCases cases;

    @Inject
    TenantAccess access;

    @Inject
    ProductCatalog catalog;

    private String idParam;
    private long id;
    private CaseView shown;
    private String productName;
    /** How many comments, and how many changes of the history, a window of the page shows. */
    public static final int SHOWN = 20;

    private final NewestFirst historyWindow = new NewestFirst(SHOWN);
    private final NewestFirst commentsWindow = new NewestFirst(SHOWN);
    private final NewestFirst attachmentsWindow = new NewestFirst(SHOWN);
    private List<ChangeView> history;
    private List<CommentView> comments;
    private List<AttachmentView> attachments;
    private transient UploadedFile upload;
    private String summary;
    private String preconditions;
    private String steps;
    private String expectedResults;
    private Integer priority;
    private String status;
    private String category;
    private boolean automated;
    private String defaultTester;
    private List<String> tags = new ArrayList<>();
    private String comment;

    /** Shows the item the address names; an id that names none (malformed, out of range, unknown) is refused: 404. */
    public void load() {
        id = ItemIds.required(idParam, "case");
        shown = caseViews.testCase(id);
        productName = catalog.nameOf(shown.productId()).orElse(null);
        readHistory();
        readComments();
        readAttachments();
        summary = shown.summary();
        preconditions = shown.preconditions();
        steps = shown.steps();
        expectedResults = shown.expectedResults();
        priority = shown.priority();
        status = shown.status();
        category = shown.category();
        automated = shown.automated();
        defaultTester = shown.defaultTester();
        tags = new ArrayList<>(shown.tags());
    }

    public void save() {
        try {
            cases.change(id, new TestCases.Input(null, summary, preconditions, steps, expectedResults, priority, status,
                    category, automated, defaultTester, tags, shown.rowVersion()));
            load();
            Messages.info("case.saved");
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        } catch (OptimisticLockException e) {
            Messages.error("case.changedMeanwhile");
        }
    }

    public void addComment() {
        try {
            notes.comment(Subject.CASE, id, comment);
            comment = null;
            commentsWindow.newest();
            readComments();
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public void olderComments() {
        commentsWindow.older();
        readComments();
    }

    public void newerComments() {
        commentsWindow.newer();
        readComments();
    }

    public void olderHistory() {
        historyWindow.older();
        readHistory();
    }

    public void newerHistory() {
        historyWindow.newer();
        readHistory();
    }

    private void readComments() {
        comments = commentsWindow.shown(notes.comments(Subject.CASE, id, commentsWindow.window()));
    }

    public void olderAttachments() {
        attachmentsWindow.older();
        readAttachments();
    }

    public void newerAttachments() {
        attachmentsWindow.newer();
        readAttachments();
    }

    private void readAttachments() {
        attachments = attachmentsWindow.shown(notes.attachments(Subject.CASE, id, attachmentsWindow.window()));
    }

    private void readHistory() {
        history = historyWindow.shown(caseViews.history(id, historyWindow.window()));
    }

    public void attach() throws IOException {
        if (upload == null || upload.getSize() == 0) {
            Messages.error("settings.noFile");
            return;
        }
        try (InputStream in = upload.getInputStream()) {
            notes.attach(Subject.CASE, id, upload.getFileName(), upload.getContentType(), in);
            attachmentsWindow.newest();
            readAttachments();
        } catch (RefusedException | IllegalArgumentException e) {
            Messages.failure(e);
        }
    }

    public List<AttachmentView> getAttachments() {
        return attachments;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public boolean isMayChange() {
        return access.permits(Permission.CASE_CHANGE);
    }

    public List<Integer> getPriorities() {
        return List.of(1, 2, 3, 4, 5);
    }

    public List<CaseStatus> getStatuses() {
        return List.of(CaseStatus.values());
    }

    /** The name of the case's product, for the breadcrumbs; null for a caller who may not view products. */
    public String getProductName() {
        return productName;
    }

    public CaseView getShown() {
        return shown;
    }

    /** The window of the history shown, newest first. */
    public List<ChangeView> getHistory() {
        return history;
    }

    /** The window of the comments shown, newest first. */
    public List<CommentView> getComments() {
        return comments;
    }

    public NewestFirst getHistoryWindow() {
        return historyWindow;
    }

    public NewestFirst getAttachmentsWindow() {
        return attachmentsWindow;
    }

    public NewestFirst getCommentsWindow() {
        return commentsWindow;
    }

    /** The id as the address gives it, read by {@link #load}. */
    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getPreconditions() {
        return preconditions;
    }

    public void setPreconditions(String preconditions) {
        this.preconditions = preconditions;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }

    public String getExpectedResults() {
        return expectedResults;
    }

    public void setExpectedResults(String expectedResults) {
        this.expectedResults = expectedResults;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public boolean isAutomated() {
        return automated;
    }

    public void setAutomated(boolean automated) {
        this.automated = automated;
    }

    public String getDefaultTester() {
        return defaultTester;
    }

    public void setDefaultTester(String defaultTester) {
        this.defaultTester = defaultTester;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
