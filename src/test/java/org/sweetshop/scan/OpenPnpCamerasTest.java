package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpnp.capture.CaptureFormat;
import org.openpnp.capture.library.CapFormatInfo;

class OpenPnpCamerasTest {

    private static final int MJPG = 0x47504A4D;

    private static CaptureFormat format(int id, int width, int height, int fps) {
        return new CaptureFormat(id, new CapFormatInfo(width, height, MJPG, fps, 24));
    }

    @Test
    void theFormatNearest640x480IsChosenAndOfEqualsTheFastest() {
        CaptureFormat vga15 = format(1, 640, 480, 15);
        CaptureFormat vga30 = format(2, 640, 480, 30);
        List<CaptureFormat> formats = List.of(format(0, 1920, 1080, 30), vga15, vga30, format(3, 320, 240, 30),
                format(4, 1280, 720, 60));

        assertThat(OpenPnpCameras.bestFormat(formats)).isSameAs(vga30);
        assertThat(OpenPnpCameras.bestFormat(List.of(format(0, 1920, 1080, 30), format(1, 1280, 720, 30))).getFormatId())
                .isEqualTo(1);
        assertThat(OpenPnpCameras.bestFormat(List.of(format(0, 0, 0, 30)))).isNull();
        assertThat(OpenPnpCameras.bestFormat(List.of())).isNull();
    }

    @Test
    void onAComputerWithoutACameraTheListIsEmptyOrAClearRefusalNeverAnError() {
        try (OpenPnpCameras cameras = new OpenPnpCameras()) {
            try {
                List<String> devices = cameras.devices();
                assertThat(devices).doesNotHaveDuplicates();
            } catch (CameraException e) {
                assertThat(e.getMessage()).isEqualTo("Camera support could not start on this computer.");
            }
        }
    }

    @Test
    void aCameraThatIsNotThereCannotBeOpened() {
        try (OpenPnpCameras cameras = new OpenPnpCameras()) {
            assertThatThrownBy(() -> cameras.open("No Such Camera"))
                    .isInstanceOf(CameraException.class)
                    .hasMessageMatching("The camera \"No Such Camera\" is not connected any more\\.|Camera support could not start.*");
        }
    }

    @Test
    void grabbingBeforeOpeningIsAProgrammingErrorAndClosingTwiceIsHarmless() {
        OpenPnpCameras cameras = new OpenPnpCameras();
        assertThatThrownBy(cameras::grab).isInstanceOf(IllegalStateException.class);
        cameras.close();
        cameras.close();
    }
}
