package dev.tubebatch.machine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine probes and the advisor; {@code tubebatch.resources.nvidia-smi} names the nvidia-smi to run, and the
 * advisor counts the memory of the CUDA device {@code tubebatch.inference.cuda-device} only.
 */
@Configuration(proxyBeanMethods = false)
class MachineConfiguration {

    @Bean
    GpuProbe gpuProbe(@Value("${tubebatch.resources.nvidia-smi:nvidia-smi}") String nvidiaSmi) {
        return new GpuProbe(nvidiaSmi);
    }

    @Bean
    MachineProbe machineProbe(GpuProbe gpus) {
        return new MachineProbe(gpus);
    }

    @Bean
    ResourceAdvisor resourceAdvisor(@Value("${" + ResourceAdvisor.CUDA_DEVICE_PROPERTY + ":0}") int cudaDevice) {
        return new ResourceAdvisor(cudaDevice);
    }
}
