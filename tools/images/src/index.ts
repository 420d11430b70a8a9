export { buildServiceImage, type ServiceImage, type ServiceImageOptions, type ServiceName } from './service-image';
export { entryCommand, IMAGE_LAYOUT, imageLabels, imageRuntimeConfig, type ImageRuntimeConfig } from './image-config';
export { detectImageEngine, IMAGE_ENGINES, isImageEngine, NoImageEngineError, resolveImageEngine, type ImageEngine } from './image-engine';
export { imageReference, LOCAL_REPOSITORY_PREFIX } from './image-reference';
export { readOciArchive, type OciArchive, type OciImageConfig, type OciLayer } from './oci-archive';
export { imageCacheDir } from './image-cache';
export { pushImageArchive, type ImagePushOptions, type PushedImage, type RegistryCredentials } from './image-push';
export { referenceTag, registryRepository } from './registry-reference';
