// Setup for the GPU test project: tfjs-core's gradients (the composed path's autograd is the
// reference for the fused gradients). The backend itself starts in each file via startGpuForTests.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
