// Loading a model folder with progress and cancellation: progress in tensor bytes that never goes
// back and ends at the total, and a cancelled load that stops between tensors and returns nothing.
#include <attnviz/error.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/safetensors.h>

#include <QTest>

using namespace attnviz;

namespace {

std::string fixtureFolder(const char *name) {
    return std::string(ATTNVIZ_FIXTURE_DIR "/models/") + name;
}

} // namespace

class TestModelLoadControl : public QObject {
    Q_OBJECT
private slots:
    void progressIsMonotoneAndReachesTheEnd_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("gpt2 f32") << "gpt2_plain";
        QTest::newRow("gpt2 f16 prefixed") << "gpt2_prefixed_f16";
        QTest::newRow("bert with task heads") << "bert"; // pooler/cls tensors are never converted
    }
    void progressIsMonotoneAndReachesTheEnd() {
        QFETCH(QString, model);
        const std::string folder = fixtureFolder(model.toLatin1().constData());
        std::uint64_t expectedTotal = 0;
        const SafetensorsFile file = SafetensorsFile::open(folder + "/model.safetensors");
        for (const TensorInfo &t : file.tensors())
            expectedTotal += t.end - t.begin;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> reports;
        LoadControl control;
        control.progress = [&](std::uint64_t done, std::uint64_t total) {
            reports.emplace_back(done, total);
        };
        const LoadedModel loaded = loadModelFolder(folder, control);
        QVERIFY(loaded.model.layers() > 0);
        QVERIFY(reports.size() > 10); // one report a tensor, not one at the end
        QCOMPARE(reports.front().first, std::uint64_t(0));
        for (std::size_t i = 0; i < reports.size(); ++i) {
            QCOMPARE(reports[i].second, expectedTotal);
            if (i > 0)
                QVERIFY2(reports[i].first >= reports[i - 1].first, "progress went back");
        }
        QCOMPARE(reports.back().first, expectedTotal);
    }

    void cancelStopsBetweenTensors_data() {
        QTest::addColumn<int>("after"); // progress reports before the flag is set
        QTest::newRow("before the first tensor") << 0;
        QTest::newRow("after a few tensors") << 4;
    }
    void cancelStopsBetweenTensors() {
        QFETCH(int, after);
        std::atomic<bool> cancel{after == 0};
        int reports = 0, reportsAfterCancel = 0;
        LoadControl control;
        control.cancel = &cancel;
        control.progress = [&](std::uint64_t, std::uint64_t) {
            if (cancel)
                ++reportsAfterCancel;
            if (++reports == after)
                cancel = true;
        };
        try {
            loadModelFolder(fixtureFolder("gpt2_plain"), control);
            QFAIL("a cancelled load returned a model");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("cancelled"), e.what());
        }
        QVERIFY(reportsAfterCancel <= 1); // at most the report that the flag was set in
        // A later load without the flag is untouched by the cancelled one.
        QVERIFY(loadModelFolder(fixtureFolder("gpt2_plain")).model.layers() == 3);
    }
};

QTEST_GUILESS_MAIN(TestModelLoadControl)
#include "test_model_load_control.moc"
