// MainWindow: assembles the sentence bar, the head grid, the control panel, menus and status bar.
#pragma once

#include "figure_renderer.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;

namespace attnviz::ui {

class AttentionSession;
class ControlPanel;
class HeadGridView;
class SentenceBar;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AttentionSession *session, QWidget *parent = nullptr);

    SentenceBar *sentenceBar() const { return m_sentenceBar; }
    HeadGridView *headGrid() const { return m_grid; }
    ControlPanel *controlPanel() const { return m_controls; }

    // File ▸ Open Weights without the file dialog: asks which module only when the file has
    // several. Shows a failure in a message box (unless `quiet`) and returns false; nothing
    // changes then.
    bool openWeights(const QString &path, bool quiet = false);
    // The figure options the window's current view implies (for export and the clipboard).
    FigureOptions currentFigureOptions() const;

private:
    void createMenus();
    void saveWeights();
    void exportFigure();
    void copyFigure();
    QSize initialSize() const;
    void showResult();
    void applyViewOptions();

    AttentionSession *m_session;
    SentenceBar *m_sentenceBar;
    HeadGridView *m_grid;
    ControlPanel *m_controls;
    QLabel *m_status;
    QDockWidget *m_dock = nullptr;
    QMenu *m_fileMenu = nullptr;
};

} // namespace attnviz::ui
